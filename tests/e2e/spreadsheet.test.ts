import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeyTitles, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();
type Json = Record<string, unknown>;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A grid as a team draws it in Excel: stages across, lanes down, lines in cells, a formula. */
async function gridWorkbook(merge = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Journey');
  ws.addRow(['', '発見 Discover', 'Pirkums', 'Use']);
  ws.addRow(['Actions', 'Searches online\nAsks a friend', 'Orders the plan', '']);
  ws.addRow(['Emotions', 'Curious', '-1', 'Delighted']);
  ws.addRow(['Pain points', '', '=HYPERLINK("x") looks like a formula', '']);
  ws.addRow(['Weather', 'Rainy', '', '']);
  ws.getCell('D4').value = { formula: '1+1', result: 2 };
  if (merge) ws.mergeCells('B1:C1');
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A CX guide's row-per-step table, in UTF-16 with its byte-order mark. */
function stepsCsv(): Buffer {
  const text = [
    'Stage,Persona,Time,Scene,Touchpoint,Channel,Thought,Emotion,Pain point,Opportunity,Mood of the cat',
    'Awareness,Aiko,Day 1,Sees an ad,Instagram ad,Social media,Looks nice,4,,Show price in ad,calm',
    ',,Day 2,Reads reviews,Review site,Website,Is it reliable?,3,Mixed reviews,,',
    'Purchase,,,Checks out,Checkout page,Website,,1,Surprise fees,Show fees early,',
  ].join('\r\n');
  const body = Buffer.from(text, 'utf16le');
  return Buffer.concat([Buffer.from([0xff, 0xfe]), body]);
}

async function importFile(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel('Import file').setInputFiles({ name, mimeType, buffer });
  return page.getByRole('dialog', { name: 'Import spreadsheet' });
}

async function exportJson(page: Page, title: string): Promise<Json> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'JSON file' }).click();
  return JSON.parse(readFileSync(await (await dl).path(), 'utf8')) as Json;
}

const cardsOf = (doc: Json) => {
  const j = (doc.journeys as Json[])[0]!;
  const lanes = new Map((j.lanes as Json[]).map((l) => [l.id, l]));
  const stages = new Map((j.stages as Json[]).map((s) => [s.id, s.name]));
  return (j.cards as Json[]).map((c) => ({
    stage: stages.get(c.stageId),
    lane: lanes.get(c.laneId)!.title ?? lanes.get(c.laneId)!.kind,
    title: c.title,
    ...(c.score !== undefined ? { score: c.score } : {}),
    ...(c.channel !== undefined ? { channel: c.channel } : {}),
    ...(c.notes !== undefined ? { notes: c.notes } : {}),
  }));
};

describe('spreadsheets in', () => {
  it('imports a grid .xlsx after its preview, named after the file, formulas as their values and text as text', async () => {
    const { context, page } = await openApp(browser());
    const dialog = await importFile(page, 'Broadband grid.xlsx', XLSX, await gridWorkbook());
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('3 stages, 9 cards');
    await expect.poll(() => dialog.textContent()).toContain('The new journey: “Broadband grid”');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status', { name: /Imported 1 journey from Broadband grid\.xlsx/ }).waitFor();
    const doc = await exportJson(page, 'Broadband grid');
    const j = (doc.journeys as Json[])[0]!;
    expect((j.stages as Json[]).map((s) => s.name)).toEqual(['発見 Discover', 'Pirkums', 'Use']);
    expect(cardsOf(doc)).toEqual([
      { stage: '発見 Discover', lane: 'actions', title: 'Searches online' },
      { stage: '発見 Discover', lane: 'actions', title: 'Asks a friend' },
      { stage: 'Pirkums', lane: 'actions', title: 'Orders the plan' },
      { stage: '発見 Discover', lane: 'emotions', title: 'Curious', score: 1 },
      { stage: 'Pirkums', lane: 'emotions', title: 'Orders the plan', score: -1 },
      { stage: 'Use', lane: 'emotions', title: 'Delighted', score: 2 },
      { stage: 'Pirkums', lane: 'painPoints', title: '=HYPERLINK("x") looks like a formula' },
      { stage: 'Use', lane: 'painPoints', title: '2' },
      { stage: '発見 Discover', lane: 'Weather', title: 'Rainy' },
    ]);
    await context.close();
  });

  it('maps the columns of a row-per-step CSV with the user, lists what it leaves out, and imports', async () => {
    const { context, page } = await openApp(browser());
    const dialog = await importFile(page, 'Aiko buys.csv', 'text/csv', stepsCsv());
    await expect.poll(() => dialog.textContent()).toContain('Column 11 (Mood of the cat): not imported');
    await dialog.getByRole('combobox', { name: 'What column 11 (Mood of the cat) becomes' }).selectOption('notes');
    await expect.poll(() => dialog.textContent()).toContain('Everything in the sheet has a place.');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status', { name: /Imported 1 journey from Aiko buys\.csv/ }).waitFor();
    const doc = await exportJson(page, 'Aiko buys');
    expect((doc.personas as Json[]).map((p) => p.name)).toEqual(['Aiko']);
    const cards = cardsOf(doc);
    expect(cards).toContainEqual({ stage: 'Awareness', lane: 'actions', title: 'Sees an ad', notes: 'Day 1' });
    expect(cards).toContainEqual({ stage: 'Awareness', lane: 'touchpoints', title: 'Review site', channel: 'web' });
    expect(cards).toContainEqual({ stage: 'Purchase', lane: 'emotions', title: 'Checks out', score: -2 });
    expect(cards).toContainEqual({ stage: 'Awareness', lane: 'Mood of the cat', title: 'calm' });
    await context.close();
  });

  it('refuses a CSV in another encoding, merged cells, a password-protected workbook and a zip bomb, and changes nothing', async () => {
    const { context, page } = await openApp(browser());
    const before = await journeyTitles(page);
    const bomb = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(16, 0)]);
    const cases: [string, string, Buffer, RegExp][] = [
      [
        'Latin-1.csv',
        'text/csv',
        Buffer.from([0x53, 0x74, 0x61, 0x67, 0x65, 0x2c, 0x43, 0x61, 0x66, 0xe9, 0x0a]),
        /not in UTF-8 or UTF-16/,
      ],
      ['Merged.xlsx', XLSX, await gridWorkbook(true), /merged cells \(B1:C1\)/],
      [
        'Locked.xlsx',
        XLSX,
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
        /protected with a password/,
      ],
      ['Broken.xlsx', XLSX, bomb, /damaged/],
      ['No stages.csv', 'text/csv', Buffer.from('Actions\nGoals\n'), /No stages were found/],
    ];
    for (const [name, type, bytes, message] of cases) {
      const dialog = await importFile(page, name, type, bytes);
      await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(message);
      expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
    }
    expect(await journeyTitles(page)).toEqual(before);
    await context.close();
  });

  it('takes back the CSV it exports: exported again, the new journey’s CSV is the same', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moving broadband — Priya' }).waitFor();
    const csv = async () => {
      const dl = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'CSV file' }).click();
      return readFileSync(await (await dl).path(), 'utf8');
    };
    const first = await csv();
    await page.getByRole('link', { name: 'Journeys' }).first().click();
    const dialog = await importFile(page, 'Moving broadband export.csv', 'text/csv', Buffer.from(first));
    await expect.poll(() => dialog.textContent()).toContain('Read as a Journey Canvas CSV');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status', { name: /Imported 1 journey/ }).waitFor();
    await page.getByRole('link', { name: 'Moving broadband — Priya (2)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moving broadband — Priya (2)' }).waitFor();
    const second = await csv();
    expect(second.replace(/Moving broadband — Priya \(2\)/g, 'Moving broadband — Priya')).toBe(first);
    await context.close();
  });
});
