import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { journeyParts } from '../../src/domain/queries';
import { decodeText } from '../../src/domain/spreadsheet/decode-text';
import { emotionScore } from '../../src/domain/spreadsheet/emotion-words';
import {
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
