import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import type { FileDocument } from '../../src/domain/format/schema';
import { isProblem, MAX_SHEET_BYTES, readSheet, type SheetPlan } from '../../src/domain/spreadsheet/sheet-journey';
import { readSpreadsheet } from '../../src/features/spreadsheet/read-spreadsheet';
import { vocabulary } from '../../src/features/spreadsheet/vocabulary';
import { CHINESE_CURVE, chineseStepsWorkbook, titledGridWorkbook } from '../fixtures/spreadsheets/workbooks';

// Only the English catalogue is loaded here: words of other languages come from the sheet words.
const words = vocabulary();
const fixture = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, '../fixtures/spreadsheets', name)));

/** A file read as the Import spreadsheet dialog reads it, then made into a journey file. */
async function imported(name: string, bytes: Uint8Array<ArrayBuffer>): Promise<{ plan: SheetPlan; doc: FileDocument }> {
  const read = await readSpreadsheet(new File([bytes], name));
  if (!read.ok) throw new Error(`${read.code} ${read.detail ?? ''}`);
  const plan = readSheet(read.sheet, name, words, { merges: read.merges });
  if (isProblem(plan)) throw new Error(JSON.stringify(plan));
  const parsed = parseJourneyFile(JSON.stringify(plan.document));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return { plan, doc: parsed.doc };
}

/** The cards of the file's journey by lane kind: what a person reading the map sees. */
function cardsOf(doc: FileDocument) {
  const j = doc.journeys[0]!;
  const kind = new Map(j.lanes.map((l) => [l.id, l.kind]));
  const stage = new Map(j.stages.map((s) => [s.id, s.name]));
  return (j.cards ?? []).map((c) => ({ ...c, kind: kind.get(c.laneId), stage: stage.get(c.stageId) }));
}

describe('a Chinese team’s row-per-step workbook, read with the English interface', () => {
  it('scores 满意 困惑 一般 焦虑 沮丧 非常满意 生气 into a curve, knows 微信, 步骤 and 用户想法', async () => {
    const { plan, doc } = await imported('宽带办理.xlsx', await chineseStepsWorkbook());
    expect(plan.layout).toBe('steps');
    expect(plan.headerRow).toBe(2);
    expect(plan.columns!.map((c) => c.target)).toEqual([
      'stage',
      'actions',
      'touchpoints',
      'channel',
      'thoughts',
      'emotions',
      'painPoints',
      'opportunities',
      'owner',
    ]);
    expect(plan.unplaced).toEqual([]);
    const cards = cardsOf(doc);
    const curve = cards.filter((c) => c.kind === 'emotions');
    expect(curve.map((c) => [c.title, c.score])).toEqual(CHINESE_CURVE);
    const touch = cards.filter((c) => c.kind === 'touchpoints');
    expect(touch.map((c) => [c.title, c.channel])).toEqual([
      ['官网套餐页', 'web'],
      ['公众号客服', 'messaging'],
      ['线上表单', 'web'],
      ['小程序', 'mobileApp'],
      ['短信通知', 'sms'],
      ['上门安装', 'store'],
      ['客服热线', 'phone'],
    ]);
    expect(cards.filter((c) => c.kind === 'actions').map((c) => c.title)).toContain('比较套餐');
    expect(cards.filter((c) => c.kind === 'thoughts').map((c) => c.title)).toContain('哪个套餐够用？');
    expect(cards.filter((c) => c.kind === 'opportunities').map((c) => [c.title, c.owner])).toEqual([
      ['改进上传', '王芳'],
      ['回拨服务', '李雷'],
    ]);
  });
});

describe('a European Excel CSV (BOM, “;”, a title and blank rows, quoted newlines)', () => {
  it('finds the header under the title, one touchpoint per step with the Channel column’s channel', async () => {
    const { plan, doc } = await imported('signup.csv', fixture('signup-excel-semicolon.csv'));
    expect(plan.headerRow).toBe(3);
    expect(plan.layout).toBe('steps');
    const cards = cardsOf(doc);
    const touch = cards.filter((c) => c.kind === 'touchpoints');
    expect(touch.map((c) => [c.stage, c.title, c.channel])).toEqual([
      ['Sign-up', 'Website', 'web'],
      ['Sign-up', 'E-mail', 'email'],
      ['Installation', 'Letter', 'mail'],
      ['Installation', 'Hotline', 'phone'],
    ]);
  });

  it('reads Customer thought, Emotion (1-5) as −2…+2 titled by the thought, and Owner', async () => {
    const { plan, doc } = await imported('signup.csv', fixture('signup-excel-semicolon.csv'));
    expect(plan.unplaced).toEqual([]);
    const cards = cardsOf(doc);
    expect(cards.filter((c) => c.kind === 'emotions').map((c) => [c.title, c.score])).toEqual([
      ['Which plan is fast enough for two home offices?', 1],
      ['Good, that was quick', 2],
      ['When will they come?', -1],
      ['I have been on hold', -2],
    ]);
    expect(cards.filter((c) => c.kind === 'opportunities').map((c) => [c.title, c.owner])).toEqual([
      ['Send the install date in the same mail', 'Marta'],
      ['Book the slot online', 'Ops team, Marta'],
      ['Call back instead of holding', 'Jonas'],
    ]);
  });

  it('reads a metric cell’s value, unit and target', async () => {
    const { doc } = await imported('signup.csv', fixture('signup-excel-semicolon.csv'));
    const metrics = cardsOf(doc).filter((c) => c.kind === 'metrics');
    expect(metrics.map(({ title, metric, value, unit, target }) => ({ title, metric, value, unit, target }))).toEqual([
      { title: 'NPS', metric: 'NPS', value: 12, unit: undefined, target: undefined },
      { title: 'Avg. hold time', metric: 'custom', value: 45, unit: ' min', target: 5 },
    ]);
  });
});

describe('a CSV saved by Excel with its separator line', () => {
  it('takes “sep=;” as the separator, not as a row', async () => {
    const text = 'sep=;\r\nStage;Step;Emotion\r\nBuy;Pays, at last;happy\r\n';
    const read = await readSpreadsheet(new File([text], 'sep.csv'));
    if (!read.ok) throw new Error(read.code);
    expect(read.sheet.slice(0, 2)).toEqual([
      ['Stage', 'Step', 'Emotion'],
      ['Buy', 'Pays, at last', 'happy'],
    ]);
  });
});

describe('a grid under a title', () => {
  it('in a CSV: the title and the blank row are skipped, the 1–5 curve titled by the step', async () => {
    const { plan, doc } = await imported('moving.csv', fixture('moving-grid-title.csv'));
    expect(plan.layout).toBe('grid');
    expect(plan.headerRow).toBe(2);
    expect(doc.journeys[0]!.stages.map((s) => s.name)).toEqual(['Discover', 'Sign up', 'Install']);
    const cards = cardsOf(doc);
    expect(cards.filter((c) => c.kind === 'emotions').map((c) => [c.title, c.score])).toEqual([
      ['Searches "broadband new flat"', 1],
      ['Orders online', 0],
      ['Waits at home', -2],
    ]);
  });

  it('in a workbook: a merged title row is no reason to refuse; merged cells in the table still are', async () => {
    const { plan, doc } = await imported('moving.xlsx', await titledGridWorkbook());
    expect(plan.headerRow).toBe(2);
    expect(doc.journeys[0]!.stages.map((s) => s.name)).toEqual(['Discover', 'Sign up', 'Install']);
    expect(
      cardsOf(doc)
        .filter((c) => c.kind === 'emotions')
        .map((c) => c.score),
    ).toEqual([1, -1, -2]);
    const read = await readSpreadsheet(new File([new Uint8Array(await titledGridWorkbook())], 'moving.xlsx'));
    if (!read.ok) throw new Error(read.code);
    expect(readSheet(read.sheet, 'x', words, { merges: read.merges, headerRow: 0 })).toEqual({
      code: 'merged',
      detail: 'A1:D1',
    });
  });
});

describe('a spreadsheet too large to be a journey', () => {
  it('is refused by its size before it is read', async () => {
    const big = new File([new Uint8Array(MAX_SHEET_BYTES + 1)], 'huge.csv');
    expect(await readSpreadsheet(big)).toEqual({
      ok: false,
      code: 'fileTooLarge',
      detail: String(MAX_SHEET_BYTES + 1),
    });
  });
});
