import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/i18n/catalogue-check';
import { zhHans } from '../../src/i18n/locales/zh-Hans';
import { CHINESE_CURVE, chineseStepsWorkbook, titledGridWorkbook } from '../fixtures/spreadsheets/workbooks';
import { baseUrl, journeyTitles, openApp, withSharedBrowser } from './browser';

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

async function exportJson(page: Page, title: string, names = { export: 'Export', json: 'JSON file' }): Promise<Json> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: names.export, exact: true }).click();
  await page.getByRole('menuitem', { name: names.json }).click();
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
    ...(c.owner !== undefined ? { owner: c.owner } : {}),
    ...(c.value !== undefined ? { value: c.value, unit: c.unit, target: c.target } : {}),
  }));
};

const zh = Object.fromEntries(flatten(zhHans));
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures/spreadsheets', name));

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

  it('reads a Chinese team’s workbook in 简体中文: every feeling scored, 微信 a channel, 步骤 and 用户想法 mapped', async () => {
    const context = await browser().newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { name: zh['journeys.title'], level: 1 }).waitFor();
    await page.getByLabel(zh['importer.button']!).setInputFiles({
      name: '宽带办理.xlsx',
      mimeType: XLSX,
      buffer: Buffer.from(await chineseStepsWorkbook()),
    });
    const dialog = page.getByRole('dialog', { name: zh['sheet.title'] });
    await expect.poll(() => dialog.textContent()).toContain(zh['sheet.nothingLeft']);
    await dialog.getByRole('button', { name: zh['sheet.import'], exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    const doc = await exportJson(page, '宽带办理', { export: zh['editor.export']!, json: zh['editor.jsonFile']! });
    const cards = cardsOf(doc);
    expect(cards.filter((c) => c.lane === 'emotions').map((c) => [c.title, c.score])).toEqual(CHINESE_CURVE);
    expect(cards).toContainEqual({ stage: '了解', lane: 'touchpoints', title: '公众号客服', channel: 'messaging' });
    expect(cards).toContainEqual({ stage: '了解', lane: 'actions', title: '比较套餐' });
    expect(cards).toContainEqual({ stage: '了解', lane: 'thoughts', title: '哪个套餐够用？' });
    expect(cards).toContainEqual({ stage: '售后', lane: 'opportunities', title: '回拨服务', owner: '李雷' });
    await context.close();
  });

  it('reads a European Excel CSV under its title rows, a header row the user can change, one touchpoint per step', async () => {
    const { context, page } = await openApp(browser());
    const dialog = await importFile(page, 'Broadband sign-up.csv', 'text/csv', fixture('signup-excel-semicolon.csv'));
    const headerRow = dialog.getByRole('combobox', { name: /Header row/ });
    await expect
      .poll(() => headerRow.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]!.text))
      .toBe(
        'Row 4: Stage · Step · Touchpoint · Channel · Customer thought · Emotion (1-5) · Pain point · Opportunity · Owner · KPI',
      );
    await headerRow.selectOption({ index: 0 });
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('No stages were found: row 1 should name');
    await headerRow.selectOption({ index: 3 });
    await expect.poll(() => dialog.textContent()).toContain('Everything in the sheet has a place.');
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('2 stages, 23 cards');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status', { name: /Imported 1 journey from Broadband sign-up\.csv/ }).waitFor();
    const cards = cardsOf(await exportJson(page, 'Broadband sign-up'));
    expect(cards.filter((c) => c.lane === 'touchpoints').map((c) => [c.stage, c.title, c.channel])).toEqual([
      ['Sign-up', 'Website', 'web'],
      ['Sign-up', 'E-mail', 'email'],
      ['Installation', 'Letter', 'mail'],
      ['Installation', 'Hotline', 'phone'],
    ]);
    expect(cards.filter((c) => c.lane === 'emotions').map((c) => [c.title, c.score])).toEqual([
      ['Which plan is fast enough for two home offices?', 1],
      ['Good, that was quick', 2],
      ['When will they come?', -1],
      ['I have been on hold', -2],
    ]);
    expect(cards).toContainEqual({
      stage: 'Installation',
      lane: 'opportunities',
      title: 'Book the slot online',
      owner: 'Ops team, Marta',
    });
    expect(cards.filter((c) => c.lane === 'metrics')).toEqual([
      { stage: 'Sign-up', lane: 'metrics', title: 'NPS', value: 12, unit: undefined, target: undefined },
      { stage: 'Installation', lane: 'metrics', title: 'Avg. hold time', value: 45, unit: ' min', target: 5 },
    ]);
    await context.close();
  });

  it('imports a grid workbook under a merged title row', async () => {
    const { context, page } = await openApp(browser());
    const dialog = await importFile(page, 'Moving grid.xlsx', XLSX, Buffer.from(await titledGridWorkbook()));
    await expect.poll(() => dialog.getByRole('status').textContent()).toBe('3 stages, 8 cards');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('status', { name: /Imported 1 journey from Moving grid\.xlsx/ }).waitFor();
    const cards = cardsOf(await exportJson(page, 'Moving grid'));
    expect(cards.filter((c) => c.lane === 'emotions').map((c) => [c.stage, c.title, c.score])).toEqual([
      ['Discover', 'Compares plans', 1],
      ['Sign up', 'Orders online', -1],
      ['Install', 'Waits for the engineer', -2],
    ]);
    await context.close();
  });

  it('refuses a CSV over the size limit by its size, as a journey file is, and the screen goes on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'journey-canvas-sheet-'));
    try {
      const path = join(dir, 'Export of everything.csv');
      const line = 'Sign-up;Compares plans;Website;Web;Which plan?;4\r\n';
      // The size the export had; written here, never kept in the repository.
      writeFileSync(path, line.repeat(Math.ceil((50 * 1024 * 1024) / line.length)));
      const { context, page } = await openApp(browser());
      await page.getByLabel('Import file').setInputFiles(path);
      const dialog = page.getByRole('dialog', { name: 'Import spreadsheet' });
      await expect
        .poll(() => dialog.getByRole('alert').textContent())
        .toMatch(/This file is 50 MB; spreadsheets over 20 MB cannot be imported\./);
      expect(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
