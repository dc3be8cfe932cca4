import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARED_EXAMPLES } from '../helpers/examples';
import { baseUrl, journeyTitles, withSharedBrowser, openApp, renameJourney } from './browser';

const browser = withSharedBrowser();

const row = (page: Page, title: string) => page.locator('.journey-list li', { hasText: title });

describe('Journeys screen', () => {
  it('lists journeys by their stored counts, reads one when it is opened, and keeps the counts in step across tabs', async () => {
    const { context, page } = await openApp(browser());
    const title = 'Rescheduling an appointment';
    await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/appointment-reschedule.journey.json`);
    await expect.poll(() => row(page, title).textContent()).toMatch(/16 cards/);
    await page.reload();
    await expect.poll(() => row(page, title).textContent()).toMatch(/16 cards/);
    const other = await context.newPage();
    await other.goto(baseUrl() + '/');
    await expect.poll(() => row(other, title).textContent()).toMatch(/16 cards/);

    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect.poll(() => page.locator('.card').count()).toBe(16);
    await page.getByRole('button', { name: 'Thoughts: Why do they ask for my ID again?', exact: true }).click();
    await page.keyboard.press('Delete');
    // The other tab has not read this journey: its list follows the stored counts.
    await expect.poll(() => row(other, title).textContent(), { timeout: 10_000 }).toMatch(/15 cards/);
    await other.getByRole('link', { name: title }).click();
    await expect.poll(() => other.locator('.card').count()).toBe(15);
    await page.goto(baseUrl() + '/');
    await expect.poll(() => row(page, title).textContent()).toMatch(/15 cards/);
    await context.close();
  });

  it('opens on the demo workspace at first launch', async () => {
    const { context, page } = await openApp(browser());
    expect(await journeyTitles(page)).toEqual(
      expect.arrayContaining(['Moving broadband — Priya', 'Moving broadband — George']),
    );
    await expect.poll(() => page.locator('.journey-list li').first().textContent()).toMatch(/5 stages.*33 cards/);
    expect(await page.locator('.journey-list').getByText('Priya Nair').count()).toBe(1);
    await context.close();
  });

  it('creates a Blank journey for a persona and opens it', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('button', { name: 'New journey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New journey' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Renewing a passport');
    await dialog.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'George Whitfield' });
    await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Blank' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renewing a passport' }).waitFor();
    expect(page.url()).toMatch(/#\/journey\/[^/]+$/);
    for (const stage of ['Awareness', 'Consideration', 'Purchase', 'Retention']) {
      await page.getByRole('group', { name: `Stage ${stage}` }).waitFor();
    }
    await expect
      .poll(() => page.locator('.lane-header__title').allTextContents())
      .toEqual(['Actions', 'Touchpoints', 'Goals', 'Thoughts', 'Emotions', 'Pain points', 'Opportunities']);
    await page.getByRole('link', { name: 'Journeys' }).click();
    expect((await journeyTitles(page))[0]).toBe('Renewing a passport');
    await context.close();
  });

  it('refuses an empty title and says why', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('button', { name: 'New journey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New journey' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await dialog.getByText('Enter a title.').waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Title' }).getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });

  it('renames, duplicates, deletes and undoes the delete', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    await renameJourney(page, 'Moving broadband — Priya', 'Broadband move (Priya)');

    await page.getByRole('button', { name: 'Actions for Broadband move (Priya)' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('link', { name: 'Broadband move (Priya) (copy)' }).waitFor();

    // The copy is deep: it opens with every card.
    await page.getByRole('link', { name: 'Broadband move (Priya) (copy)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Broadband move (Priya) (copy)' }).waitFor();
    await page.getByRole('button', { name: "Actions: Compares providers' fibre deals for the new flat" }).waitFor();
    await expect.poll(() => page.locator('.card').count()).toBe(33);
    await page.getByRole('link', { name: 'Journeys' }).click();

    await page.getByRole('button', { name: 'Actions for Broadband move (Priya)', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const toast = page.getByRole('status', { name: 'Journey deleted' });
    await toast.waitFor();
    expect(await journeyTitles(page)).not.toContain('Broadband move (Priya)');
    // The Undo stays long enough to reach for it (8 s on the page's clock), and then goes.
    await page.clock.fastForward(8000);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('link', { name: 'Broadband move (Priya)', exact: true }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(33);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(5);
    await context.close();
  });

  it('filters the list by title', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('searchbox', { name: 'Filter journeys' }).fill('george');
    expect(await journeyTitles(page)).toEqual(['Moving broadband — George']);
    await page.getByRole('searchbox', { name: 'Filter journeys' }).fill('');
    expect(await journeyTitles(page)).toHaveLength(2);
    await context.close();
  });

  it('shows a screen that cannot be loaded as a message, and the rest of the app goes on', async () => {
    // The editor's code cannot be fetched (a connection dropped while the app was open, on a first
    // visit, before the service worker keeps the app's files).
    const { context, page } = await openApp(browser(), '/', { serviceWorkers: 'block' });
    await page.route(/EditorScreen-[^/]*\.js$/, (route) => route.abort());
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('alert').filter({ hasText: 'This screen could not be shown.' }).waitFor();
    await page.getByRole('link', { name: 'Back to journeys' }).click();
    expect(await journeyTitles(page)).toContain('Moving broadband — Priya');
    await context.close();
  });
});
