import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { journeyParts } from '../../src/domain/queries';
import { decodeText } from '../../src/domain/spreadsheet/decode-text';
import { emotionScore } from '../../src/domain/spreadsheet/emotion-words';
import { metricCell } from '../../src/domain/spreadsheet/metric-cell';
import {
  detectHeaderRow,
  guessColumns,
  isProblem,
  MAX_ROWS,
  readSheet,
  type SheetPlan,
} from '../../src/domain/spreadsheet/sheet-journey';
import { checkXlsxZip } from '../../src/domain/spreadsheet/zip-limits';
import { csvText } from '../../src/export/journey-exports';
import { vocabulary } from '../../src/features/spreadsheet/vocabulary';
import { storeWith } from '../helpers/workspace';

const words = vocabulary();
type Json = Record<string, unknown>;
const plan = (r: ReturnType<typeof readSheet>): SheetPlan => {
  if (isProblem(r)) throw new Error(r.code);
  return r;
};
const journeyOf = (p: SheetPlan) => (p.document.journeys as Json[])[0]!;
const valid = (p: SheetPlan) => {
  const parsed = parseJourneyFile(JSON.stringify(p.document));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.doc;
};

describe('a grid sheet', () => {
  const grid = [
    ['', 'Discover', 'Buy', 'Use'],
    ['Actions', 'Searches online\nAsks a friend', 'Orders', ''],
    ['Feelings', 'Curious', '-1', 'Delighted'],
    ['Pain points', '', 'Shipping cost shown late', ''],
    ['Weather', 'Rainy', '', ''],
    ['', '', 'Lost text', ''],
  ];

  it('reads stages from the first row, lanes from the first column and a card per line', () => {
    const p = plan(readSheet(grid, 'Shop journey', words));
    expect(p.layout).toBe('grid');
    const j = journeyOf(p);
    expect((j.stages as Json[]).map((s) => s.name)).toEqual(['Discover', 'Buy', 'Use']);
    expect((j.lanes as Json[]).map((l) => [l.kind, l.title])).toEqual([
      ['actions', undefined],
      ['emotions', undefined],
      ['painPoints', undefined],
      ['notes', 'Weather'],
    ]);
    const cards = j.cards as Json[];
    expect(cards.map((c) => c.title)).toEqual([
      'Searches online',
      'Asks a friend',
      'Orders',
      'Curious',
      'Orders',
      'Delighted',
      'Shipping cost shown late',
      'Rainy',
    ]);
    expect(cards.filter((c) => c.score !== undefined).map((c) => c.score)).toEqual([1, -1, 2]);
    expect(j.title).toBe('Shop journey');
    expect(p.unplaced).toEqual([{ code: 'laneWithoutName', row: 6 }]);
    valid(p);
  });

  it('lists an emotion it cannot read as a score instead of guessing one', () => {
    const p = plan(
      readSheet(
        [
          ['', 'A'],
          ['Emotions', 'Flabbergasted'],
        ],
        'x',
        words,
      ),
    );
    expect(p.unplaced).toEqual([{ code: 'notAScore', row: 2, column: 2, text: 'Flabbergasted' }]);
  });

  it('refuses a sheet with no stage row, an empty one and one with too many rows', () => {
    expect(readSheet([['Actions'], ['Goals']], 'x', words)).toEqual({ code: 'noStageRow', row: 1 });
    expect(
      readSheet(
        [
          ['', ''],
          ['  ', ''],
        ],
        'x',
        words,
      ),
    ).toEqual({ code: 'empty' });
    const many = [['', 'Stage'], ...Array.from({ length: MAX_ROWS + 1 }, (_, i) => [`Lane ${i}`, 'x'])];
    expect(readSheet(many, 'x', words)).toMatchObject({ code: 'tooManyRows', rows: MAX_ROWS + 1 });
  });

  it('keeps formula-looking text as text, and a title over 500 characters whole in the notes', () => {
    const long = 'word '.repeat(150).trim();
    const p = plan(
      readSheet(
        [
          ['', 'S'],
          ['Thoughts', '=SUM(A1:A3)\n' + long],
        ],
        'x',
        words,
      ),
    );
    const cards = journeyOf(p).cards as Json[];
    expect(cards[0]!.title).toBe('=SUM(A1:A3)');
    expect((cards[1]!.title as string).length).toBeLessThanOrEqual(500);
    expect(cards[1]!.notes).toBe(long);
    valid(p);
  });
});

describe('a row-per-step sheet', () => {
  const steps = [
    [
      'Stage',
      'Persona',
      'Time',
      'Scene',
      'Touchpoint',
      'Channel',
      'Expectation',
      'Thought',
      'Emotion',
      'Pain point',
      'Opportunity',
      'Mood of the cat',
    ],
    [
      'Awareness',
      'Aiko',
      'Day 1',
      'Sees an ad',
      'Instagram ad',
      'Social media',
      'Clear price',
      'Looks nice',
      '4',
      '',
      'Show price in ad',
      'calm',
    ],
    ['', '', 'Day 2', 'Reads reviews', 'Review site', 'Website', '', 'Is it reliable?', '3', 'Mixed reviews', '', ''],
    [
      'Purchase',
      '',
      '',
      'Checks out',
      'Checkout page',
      'Carrier pigeon',
      '',
      '',
      '1',
      'Surprise fees',
      'Show fees early',
      '',
    ],
  ];

  it('guesses what each column becomes, and leaves an unknown one out, saying so', () => {
    const columns = guessColumns(steps, words).map((c) => c.target);
    expect(columns).toEqual([
      'stage',
      'persona',
      'time',
      'actions',
      'touchpoints',
      'channel',
      'goals',
      'thoughts',
      'emotions',
      'painPoints',
      'opportunities',
      'ignore',
    ]);
    const p = plan(readSheet(steps, 'Buying', words));
    expect(p.layout).toBe('steps');
    expect(p.unplaced).toContainEqual({ code: 'ignoredColumn', column: 12, header: 'Mood of the cat' });
    expect(p.unplaced).toContainEqual({ code: 'unknownChannel', row: 4, column: 6, text: 'Carrier pigeon' });
  });

  it('makes a stage per stage name (a blank one goes on), the persona, channels, times and 1–5 scores', () => {
    const p = plan(readSheet(steps, 'Buying', words));
    const doc = valid(p);
    expect(doc.personas!.map((x) => x.name)).toEqual(['Aiko']);
    const j = doc.journeys[0]!;
    expect(j.personaId).toBe(doc.personas![0]!.id);
    expect(j.stages.map((s) => s.name)).toEqual(['Awareness', 'Purchase']);
    const cards = j.cards!;
    const byTitle = (t: string) => cards.find((c) => c.title === t)!;
    expect(byTitle('Instagram ad').channel).toBe('social');
    expect(byTitle('Review site').channel).toBe('web');
    expect(byTitle('Sees an ad').notes).toBe('Day 1');
    expect(byTitle('Reads reviews').stageId).toBe(j.stages[0]!.id);
    const scores = cards.filter((c) => c.score !== undefined).map((c) => c.score);
    expect(scores).toEqual([1, 0, -2]);
  });

  it('follows the columns the user chose', () => {
    const columns = guessColumns(steps, words).map((c) => c.target);
    columns[11] = 'notes';
    const p = plan(readSheet(steps, 'Buying', words, { columns }));
    expect((journeyOf(p).cards as Json[]).some((c) => c.title === 'calm')).toBe(true);
    expect(p.unplaced.some((u) => u.code === 'ignoredColumn')).toBe(false);
    const noStage = columns.map((c) => (c === 'stage' ? 'ignore' : c));
    expect(readSheet(steps, 'Buying', words, { columns: noStage })).toEqual({ code: 'noStageColumn' });
  });
});

describe('the CSV this app exports', () => {
  it('imports back as the same journey: exported again, it is the same CSV', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../fixtures/appointment-reschedule.journey.json'), 'utf8');
    const store = storeWith(text);
    const parts = journeyParts(store.getDoc(), Object.keys(store.getDoc().journeys)[0]!)!;
    const csv = csvText([parts]);
    const sheet = Papa.parse<string[]>(decodeText(new TextEncoder().encode(csv))!.text).data;
    const p = plan(readSheet(sheet, 'ignored', words));
    expect(p.layout).toBe('cards');
    const again = storeWith(JSON.stringify(p.document));
    const back = journeyParts(again.getDoc(), Object.keys(again.getDoc().journeys)[0]!)!;
    expect(csvText([back])).toBe(csv);
    expect(back.cards).toHaveLength(parts.cards.length);
  });
});

describe('emotion words', () => {
  it('reads numbers, known words and "word (score)", and nothing else', () => {
    expect(emotionScore('-2', 'plusMinusTwo')).toEqual({ score: -2, title: '' });
    expect(emotionScore('5', 'oneToFive')).toEqual({ score: 2, title: '' });
    expect(emotionScore('3', 'plusMinusTwo')).toBeNull();
    expect(emotionScore('Frustrated', 'plusMinusTwo')).toEqual({ score: -1, title: 'Frustrated' });
    expect(emotionScore('Waiting (-2)', 'plusMinusTwo')).toEqual({ score: -2, title: 'Waiting' });
    expect(emotionScore('whatever', 'plusMinusTwo')).toBeNull();
  });
});

describe('a CSV’s encoding', () => {
  const text = 'Stage,Aktion\nEntdecken,Sucht „Tarife“ – 東京\n';
  it('reads UTF-8 with or without its mark, and UTF-16 either way', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeText(utf8)).toEqual({ text, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]))!.text).toBe(text);
    const le = new Uint8Array(text.length * 2);
    const be = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      le[2 * i] = c & 0xff;
      le[2 * i + 1] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...le]))!.text).toBe(text);
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...be]))!.text).toBe(text);
    expect(decodeText(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('refuses text in another encoding rather than show wrong letters', () => {
    // "Café" in Windows-1252: é is one byte that UTF-8 never starts with alone.
    expect(decodeText(new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]))).toBeNull();
  });
});

describe('an .xlsx before it is opened', () => {
  it('names a password-protected workbook, a file that is not a zip, and a broken zip', () => {
    expect(checkXlsxZip(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toEqual({
      ok: false,
      code: 'encrypted',
    });
    expect(checkXlsxZip(new TextEncoder().encode('Stage,Action'))).toEqual({ ok: false, code: 'notZip' });
    expect(checkXlsxZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))).toEqual({ ok: false, code: 'corrupt' });
  });

  it('refuses a zip bomb from its directory, before inflating it', () => {
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(50 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkXlsxZip(bomb)).toEqual({ ok: false, code: 'bomb' });
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2100; i++) many[`f${i}.xml`] = new Uint8Array([1]);
    expect(checkXlsxZip(zipSync(many))).toEqual({ ok: false, code: 'tooManyEntries' });
    expect(checkXlsxZip(zipSync({ 'a.xml': new TextEncoder().encode('<a/>') }))).toEqual({ ok: true });
  });
});

describe('feelings in every language the app ships', () => {
  it('score the words of each language, and "very" makes a mild feeling strong', () => {
    const read = (w: string) => emotionScore(w, 'plusMinusTwo')?.score;
    expect(['满意', '困惑', '一般', '焦虑', '沮丧', '非常满意', '生气'].map(read)).toEqual([1, -1, 0, -1, -1, 2, -2]);
    expect(['滿意', '焦慮', '生氣'].map(read)).toEqual([1, -1, -2]);
    expect(['apmierināta', 'apjucis', 'dusmīgs', 'ļoti noraizējies'].map(read)).toEqual([1, -1, -2, -2]);
    expect(['puas hati', 'keliru', 'marah', 'sangat risau'].map(read)).toEqual([1, -1, -2, -2]);
    expect(['很焦虑', 'Very worried', '焦虑（-2）'].map(read)).toEqual([-2, -2, -2]);
    expect(read('很好吃')).toBeUndefined();
  });
});

describe('a metric cell', () => {
  it('gives its value, unit and target, in any of the app’s languages', () => {
    expect(metricCell('NPS 12')).toEqual({ name: 'NPS', value: 12 });
    expect(metricCell('Avg. hold time 45 min (target 5)')).toEqual({
      name: 'Avg. hold time',
      value: 45,
      unit: ' min',
      target: 5,
    });
    expect(metricCell('CSAT: 78% / 85%')).toEqual({ name: 'CSAT', value: 78, unit: '%', target: 85 });
    expect(metricCell('静默失败的流水 4,2 %（目标 1 %）')).toEqual({
      name: '静默失败的流水',
      value: 4.2,
      unit: ' %',
      target: 1,
    });
    expect(metricCell('Gaidīšanas laiks 12 min (mērķis 3)')).toMatchObject({ value: 12, target: 3 });
    expect(metricCell('Masa menunggu 8 minit (sasaran 2)')).toMatchObject({ value: 8, unit: ' minit', target: 2 });
  });

  it('keeps a sentence with numbers in it as a name, guessing no value', () => {
    expect(metricCell('Calls per day')).toEqual({ name: 'Calls per day' });
    expect(metricCell('NPS 12 in March after 3 weeks')).toEqual({ name: 'NPS 12 in March after 3 weeks' });
  });

  it('fills a metric card’s fields in a grid', () => {
    const p = plan(
      readSheet(
        [
          ['', 'Call'],
          ['Metrics', 'CSAT 78% (target 85%)'],
        ],
        'x',
        words,
      ),
    );
    expect((journeyOf(p).cards as Json[])[0]).toMatchObject({
      title: 'CSAT',
      metric: 'CSAT',
      value: 78,
      unit: '%',
      target: 85,
    });
    valid(p);
  });
});

describe('a row-per-step sheet’s Channel, Owner and Emotion (1-5) columns', () => {
  const sheet = [
    ['Stage', 'Step', 'Touchpoint', 'Channel', 'Customer thought', 'Emotion (1-5)', 'Opportunity', 'Owner'],
    ['Sign-up', 'Compares plans', 'Website', 'Web', 'Which one?', '2', '', ''],
    ['', 'Reads the mail', 'Welcome mail', 'E-mail\nPost', '', '1', 'Shorter mail', 'Marta'],
    ['', 'Visits the shop', '', 'Shop', '', '2', '', 'Jonas'],
  ];

  it('sets each step’s touchpoint’s channel, adding no card for it; a spare channel is listed', () => {
    const p = plan(readSheet(sheet, 'x', words));
    const touch = (journeyOf(p).cards as Json[]).filter((c) => c.channel !== undefined);
    expect(touch.map((c) => [c.title, c.channel])).toEqual([
      ['Website', 'web'],
      ['Welcome mail', 'email'],
      ['Shop', 'store'],
    ]);
    expect(p.unplaced).toContainEqual({ code: 'channelWithoutTouchpoint', row: 3, column: 4, text: 'Post' });
  });

  it('reads 1–5 from the header even when no score is 3 or more, titled by the thought or the step', () => {
    const p = plan(readSheet(sheet, 'x', words));
    const curve = (journeyOf(p).cards as Json[]).filter((c) => c.score !== undefined);
    expect(curve.map((c) => [c.title, c.score])).toEqual([
      ['Which one?', -1],
      ['Reads the mail', -2],
      ['Visits the shop', -1],
    ]);
  });

  it('gives the step’s opportunity its owner, and lists an owner with no opportunity', () => {
    const p = plan(readSheet(sheet, 'x', words));
    expect((journeyOf(p).cards as Json[]).find((c) => c.title === 'Shorter mail')!.owner).toBe('Marta');
    expect(p.unplaced).toContainEqual({ code: 'ownerWithoutOpportunity', row: 4, text: 'Jonas' });
    expect(guessColumns(sheet, words).map((c) => c.target)).toEqual([
      'stage',
      'actions',
      'touchpoints',
      'channel',
      'thoughts',
      'emotions',
      'opportunities',
      'owner',
    ]);
    valid(p);
  });
});

describe('the header row', () => {
  const titled = [
    ['Broadband journey, workshop of 3 March', '', ''],
    ['', '', ''],
    ['Prepared by the CX team', '', ''],
    ['', 'Discover', 'Buy'],
    ['Actions', 'Searches', ''],
    ['Emotions', '', 'Flabbergasted'],
  ];

  it('is found below titles and blank rows, and rows are numbered as in the sheet', () => {
    expect(detectHeaderRow(titled, words)).toBe(3);
    const p = plan(readSheet(titled, 'x', words));
    expect(journeyOf(p).stages).toMatchObject([{ name: 'Discover' }, { name: 'Buy' }]);
    expect(p.unplaced).toEqual([{ code: 'notAScore', row: 6, column: 3, text: 'Flabbergasted' }]);
  });

  it('is the one the user chose, and a row that names no stages says which row it was', () => {
    expect(readSheet(titled, 'x', words, { headerRow: 0 })).toEqual({ code: 'noStageRow', row: 1 });
    const p = plan(readSheet(titled, 'x', words, { headerRow: 4 }));
    expect(journeyOf(p).stages).toMatchObject([{ name: 'Searches' }]);
  });

  it('finds a row-per-step table’s column names under a title', () => {
    const steps = [['Sign-up journey'], [], ['Stage', 'Step', 'Emotion'], ['Buy', 'Pays', 'happy']];
    expect(detectHeaderRow(steps, words)).toBe(2);
    expect(plan(readSheet(steps, 'x', words)).layout).toBe('steps');
  });
});

describe('a sheet of far too many rows', () => {
  it('is refused by its row count, never by a crash', () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => ['Actions', `step ${i}`]);
    expect(readSheet([['', 'Stage'], ...rows], 'x', words)).toMatchObject({ code: 'tooManyRows' });
  });
});
