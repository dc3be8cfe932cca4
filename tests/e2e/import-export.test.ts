import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canonicalize, EXAMPLE_FILES, readExample, SHARED_EXAMPLES } from '../helpers/examples';
import { journeyTitles, withSharedBrowser, openApp, readDownload } from './browser';

const browser = withSharedBrowser();

type Json = Record<string, unknown> & { journeys: Json[]; personas: Json[] };

async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[] | string[]) {
  await page.getByLabel('Import file').setInputFiles(files as never);
}

const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function exportJson(page: Page, title: string): Promise<{ name: string; doc: Json }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Actions for ${title}` }).click();
  await page.getByRole('menuitem', { name: 'Export JSON' }).click();
  const download = await downloading;
  return { name: download.suggestedFilename(), doc: JSON.parse(await readDownload(download)) };
}

describe('import and export', () => {
  it('imports both shared examples and exports each journey as it was', async () => {
    const { context, page } = await openApp(browser());
    await importFiles(
      page,
      EXAMPLE_FILES.map((f) => `${SHARED_EXAMPLES}/${f}`),
    );
    await page.getByRole('status', { name: /Imported 1 journey from appointment-reschedule/ }).waitFor();
    for (const name of EXAMPLE_FILES) {
      const original = JSON.parse(readExample(name)) as Json;
      for (const journey of original.journeys) {
        const { name: fileName, doc } = await exportJson(page, journey.title as string);
        expect(fileName).toMatch(/\.journey\.json$/);
        expect(doc.format).toBe('journey-canvas');
        expect(doc.version).toBe(1);
        expect(Number.isNaN(Date.parse(doc.exportedAt as string))).toBe(false);
        const expected = {
          ...original,
          personas: original.personas.filter((p) => p.id === journey.personaId),
          journeys: [journey],
        };
        expect(canonicalize(doc)).toEqual(canonicalize(expected));
      }
    }
    await context.close();
  });

  it('imports a file dropped on the screen', async () => {
    const { context, page } = await openApp(browser());
    const text = readExample('appointment-reschedule.journey.json');
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.journey.json', { type: 'application/json' }));
      const target = document.querySelector('.screen')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text);
    await page.getByRole('link', { name: 'Rescheduling an appointment' }).waitFor();
    await context.close();
  });

  it('refuses bad files with an alert and leaves the list exactly as it was', async () => {
    const { context, page } = await openApp(browser());
    const before = await journeyTitles(page);
    const good = JSON.parse(readExample('appointment-reschedule.journey.json')) as Json;
    const v2 = { ...good, version: 2 };
    const badScore = structuredClone(good);
    (badScore.journeys[0]!.cards as Json[])[2]!.score = 3;
    const cases: [string, string, RegExp][] = [
      ['notes.txt.json', 'this is not json', /This is not a JSON file/],
      ['v2.journey.json', JSON.stringify(v2), /This file is version 2; this app reads version 1\./],
      [
        'score.journey.json',
        JSON.stringify(badScore),
        /journeys\[0\]\.cards\[2\]\.score: must be an integer from -2 to 2/,
      ],
    ];
    for (const [name, text, message] of cases) {
      await importFiles(page, [asFile(name, text)]);
      const alert = page.getByRole('alert');
      await alert.getByText(`Could not import ${name}: nothing was changed.`).waitFor();
      expect(await alert.getAttribute('aria-label')).toMatch(message);
      expect(await journeyTitles(page)).toEqual(before);
    }
    // A good file afterwards still imports, and clears the alert.
    await importFiles(page, [asFile('good.journey.json', readExample('appointment-reschedule.journey.json'))]);
    await page.getByRole('status', { name: 'Imported 1 journey from good.journey.json' }).waitFor();
    await page.getByRole('link', { name: 'Rescheduling an appointment' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });

  it('refuses a file over 50 MiB before reading it', async () => {
    const { context, page } = await openApp(browser());
    const before = await journeyTitles(page);
    const dir = mkdtempSync(join(tmpdir(), 'jc-big-'));
    const path = join(dir, 'huge.json');
    truncateSync((writeFileSync(path, ''), path), 51 * 1024 * 1024);
    await importFiles(page, [path]);
    const alert = page.getByRole('alert');
    await alert.getByText(/files over 50 MiB cannot be imported/).waitFor();
    expect(await journeyTitles(page)).toEqual(before);
    rmSync(dir, { recursive: true, force: true });
    await context.close();
  });

  it('shows text that looks like HTML as text, in the list and on the map', async () => {
    const { context, page } = await openApp(browser());
    const evil = '<img src=x onerror=alert(1)>';
    const doc = JSON.parse(readExample('appointment-reschedule.journey.json')) as Json;
    doc.journeys[0]!.title = evil;
    (doc.journeys[0]!.cards as Json[])[0]!.title = `<b>bold</b> ${evil}`;
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await importFiles(page, [asFile('evil.json', JSON.stringify(doc))]);
    const link = page.getByRole('link', { name: evil });
    await link.waitFor();
    expect(await link.textContent()).toBe(evil);
    await link.click();
    await page.getByRole('heading', { level: 1, name: evil }).waitFor();
    const card = page.getByRole('button', { name: `Actions: <b>bold</b> ${evil}` });
    await card.waitFor();
    expect(await card.locator('.card__title').textContent()).toBe(`<b>bold</b> ${evil}`);
    expect(await page.locator('img[src="x"], b').count()).toBe(0);
    expect(dialogs).toBe(0);
    await context.close();
  });
});
