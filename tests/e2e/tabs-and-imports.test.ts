import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generateWorkspaceFile } from '../bench/generate.mjs';
import { readExample } from '../helpers/examples';
import { baseUrl, journeyTitles, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

async function openJourney(page: Page, title: string) {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const bigWorkspace = () => ({
  name: 'big-workspace.journey.json',
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(generateWorkspaceFile({ journeys: 120, cards: 300 }))),
});

describe('two tabs of one journey', () => {
  it('keep both people’s typing when one writes a card’s title and the other its notes', async () => {
    const { context, page: a } = await openApp(browser());
    const b = await context.newPage();
    await b.goto(baseUrl() + '/');
    for (const page of [a, b]) await openJourney(page, 'Moving broadband — Priya');
    const name = (await a.locator('.card').first().getAttribute('aria-label'))!;
    const lane = name.slice(0, name.indexOf(':'));
    for (const page of [a, b]) {
      await page.getByRole('button', { name, exact: true }).click();
      await page.getByRole('region', { name: 'Card details' }).waitFor();
    }
    const title = a.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
    const notes = b.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Notes' });
    await title.fill('');
    await notes.fill('');
    await Promise.all([
      title.pressSequentially('Typed in tab A, key by key', { delay: 40 }),
      notes.pressSequentially('Notes typed in tab B at the same time', { delay: 40 }),
    ]);
    for (const page of [a, b]) {
      await page.getByRole('button', { name: `${lane}: Typed in tab A, key by key`, exact: true }).waitFor();
      await expect
        .poll(() =>
          page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Notes' }).inputValue(),
        )
        .toBe('Notes typed in tab B at the same time');
    }
    await a.reload();
    await a.getByRole('button', { name: `${lane}: Typed in tab A, key by key`, exact: true }).click();
    expect(
      await a.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Notes' }).inputValue(),
    ).toBe('Notes typed in tab B at the same time');
    await context.close();
  });
});

describe('two tabs importing at once', () => {
  it('both add their journey, never overwriting the other, and agree with the database', async () => {
    const { context, page: a } = await openApp(browser());
    const b = await context.newPage();
    await b.goto(baseUrl() + '/');
    await b.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    const file = {
      name: 'appointment.journey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(readExample('appointment-reschedule.journey.json')),
    };
    await Promise.all([
      a.getByLabel('Import file').setInputFiles(file),
      b.getByLabel('Import file').setInputFiles(file),
    ]);
    const expected = [
      'Moving broadband — George',
      'Moving broadband — Priya',
      'Rescheduling an appointment',
      'Rescheduling an appointment (2)',
    ];
    for (const page of [a, b]) {
      await page.getByRole('status', { name: /Imported 1 journey from appointment/ }).waitFor();
      await expect.poll(async () => (await journeyTitles(page)).sort()).toEqual(expected);
    }
    await a.reload();
    expect((await journeyTitles(a)).sort()).toEqual(expected);
    await context.close();
  });
});

describe('a large import', () => {
  it('shows progress, warns before leaving, and lists the journeys only once they are stored, in every tab', async () => {
    const { context, page } = await openApp(browser());
    const other = await context.newPage();
    await other.goto(baseUrl() + '/');
    await other.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    await page.getByLabel('Import workspace').setInputFiles(bigWorkspace());
    const progress = page.getByRole('status', {
      name: /Saving big-workspace\.journey\.json: [\d,]+ of [\d,]+ records stored/,
    });
    const bar = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor({ timeout: 30_000 });
    await bar.waitFor();
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(36_000);
    // Leaving now would lose it: the page asks first.
    const warned = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(warned).toBe(true);
    expect(await page.getByRole('link', { name: 'Workspace journey 1', exact: true }).count()).toBe(0);
    await page.getByRole('status', { name: /Imported 120 journeys/ }).waitFor({ timeout: 60_000 });
    expect(await progress.count()).toBe(0);
    // The other tab reads what was stored.
    await other.getByRole('link', { name: 'Workspace journey 120', exact: true }).waitFor();
    // Rows past the first screenfuls are drawn just after them.
    await expect.poll(() => journeyTitles(other)).toHaveLength(122);
    await page.reload();
    await page.getByRole('link', { name: 'Workspace journey 120', exact: true }).waitFor();
    await expect.poll(() => journeyTitles(page)).toHaveLength(122);
    await context.close();
  });

  it('Cancel leaves everything as it was, also after a reload', async () => {
    const { context, page } = await openApp(browser());
    await page.getByLabel('Import workspace').setInputFiles(bigWorkspace());
    await page.getByRole('status', { name: /Saving big-workspace/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Cancel import' }).click();
    await page.getByRole('status', { name: /cancelled: nothing was added/ }).waitFor();
    expect((await journeyTitles(page)).sort()).toEqual(['Moving broadband — George', 'Moving broadband — Priya']);
    await page.reload();
    expect((await journeyTitles(page)).sort()).toEqual(['Moving broadband — George', 'Moving broadband — Priya']);
    await context.close();
  });
});
