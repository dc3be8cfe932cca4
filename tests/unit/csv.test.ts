import { describe, expect, it } from 'vitest';
import { updateCard } from '../../src/domain/card-commands';
import { journeyParts } from '../../src/domain/queries';
import { csvField, journeysToCsv, neutralise } from '../../src/export/csv';
import { approximateMeasure, escapeXml, wrapText } from '../../src/export/svg';
import { parseCsv } from '../helpers/csv';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('CSV export', () => {
  it('writes one row per card that reads back exactly, with a BOM, CRLF, quoting and neutralised formulas', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const tricky = 'She said "no", then:\nwait, 予約を変更, =SUM(A1)';
    store.dispatch(updateCard('c6', { title: tricky }));
    store.dispatch(updateCard('c1', { title: '=SUM(A1)', notes: '+1 555 0100' }));
    store.dispatch(updateCard('c9', { owner: '@ops' }));
    const parts = journeyParts(store.getDoc(), 'j-reschedule')!;
    const csv = journeysToCsv([parts], {
      headers: [
        'journey',
        'stage',
        'lane',
        'kind',
        'title',
        'notes',
        'evidence',
        'channel',
        'score',
        'severity',
        'impact',
        'effort',
        'owner',
        'status',
        'votes',
        'metric',
        'value',
        'target',
        'unit',
      ],
      laneTitle: (k, t) => t ?? k,
      kindName: (k) => k,
      valueName: (field, code) => `${field}:${code}`,
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(17);
    expect(rows.every((r) => r.length === 19)).toBe(true);
    const byTitle = new Map(rows.slice(1).map((r) => [r[4], r]));
    expect(byTitle.get(tricky)).toBeDefined();
    expect(byTitle.get("'=SUM(A1)")![5]).toBe("'+1 555 0100");
    expect(rows.find((r) => r[12] === "'@ops")).toBeDefined();
    // Numbers stay numbers, negative ones too.
    expect(byTitle.get('Frustrated')![8]).toBe('-2');
    expect(byTitle.get('CSAT after the conversation')!.slice(15)).toEqual(['metric:CSAT', '4.1', '4.5', '/5']);
    // Codes are written in the reader's words.
    expect(rows.slice(1).some((r) => r[7]!.startsWith('channel:'))).toBe(true);
    expect(
      rows
        .slice(1)
        .map((r) => r[4]!)
        .filter((t) => !t.startsWith("'")),
    ).toEqual(parts.cards.map((c) => c.title).filter((t) => !t.startsWith('=')));
  });

  it('quotes and neutralises single fields', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
    for (const s of ['a;b', 'a\tb', 'a|b', ' lead', 'trail ']) expect(csvField(s)).toBe(`"${s}"`);
    expect(neutralise('-5 items')).toBe("'-5 items");
    expect(neutralise('Coût')).toBe('Coût');
  });

  it('neutralises a formula behind leading spaces, which spreadsheets still run', () => {
    for (const s of [' =SUM(A1)', '   +1 555', '  -2', ' @ops', '\u00a0=HYPERLINK("x")'])
      expect(neutralise(s)).toBe(`'${s}`);
    for (const s of [' plain', 'a = b', '  x-y']) expect(neutralise(s)).toBe(s);
  });
});

describe('wrapText', () => {
  it('wraps Latin at spaces and CJK anywhere, and ends cut text with …', () => {
    const lines = wrapText('Agent confirms 11 March, 9:00 with Dr Adams', 150, 15, true, 3, approximateMeasure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Agent confirms 11 March, 9:00 with Dr Adams');
    const cjk = wrapText(
      '顧客は予約を変更するために電話をかけますが誰も出ません',
      120,
      15,
      false,
      2,
      approximateMeasure,
    );
    expect(cjk).toHaveLength(2);
    expect(cjk[1]!.endsWith('…')).toBe(true);
    expect(wrapText('x'.repeat(200), 100, 15, false, 1, approximateMeasure)[0]!.endsWith('…')).toBe(true);
  });

  it('breaks a word longer than a line and keeps every line within the width', () => {
    const lines = wrapText(`Ref ${'ABCDEFGHIJ'.repeat(8)} done`, 120, 15, false, 20, approximateMeasure);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(approximateMeasure(l, 15, false)).toBeLessThanOrEqual(120);
    expect(lines.join('').replace(/\s/g, '')).toBe(`Ref${'ABCDEFGHIJ'.repeat(8)}done`);
  });

  it('measures a number of times linear in the text, however long the word', () => {
    let calls = 0;
    const counting: typeof approximateMeasure = (t, s, b) => {
      calls += 1;
      return approximateMeasure(t, s, b);
    };
    const lines = wrapText('x'.repeat(20_000), 200, 14, false, 3, counting);
    expect(lines).toHaveLength(3);
    expect(lines[2]!.endsWith('…')).toBe(true);
    // The old wrap measured the whole word once per character cut from it: 20,000 times.
    expect(calls).toBeLessThan(500);
    calls = 0;
    const all = wrapText('x'.repeat(20_000), 200, 14, false, Infinity, counting);
    expect(all.join('')).toBe('x'.repeat(20_000));
    expect(calls).toBeLessThan(3 * 20_000);
  });
});

describe('escapeXml', () => {
  it('drops the characters XML 1.0 forbids, lone surrogates included, and keeps the rest', () => {
    expect(escapeXml('a\u0008b\u001Bc\u0000d\tе\n&<>"\'')).toBe('abcd\tе\n&amp;&lt;&gt;&quot;&apos;');
    expect(escapeXml('x\uD800y\uDC00z😀\uFFFF')).toBe('xyz😀');
  });
});

describe('fitScale', () => {
  it('keeps the asked scale when the canvas allows it, and reduces it to the browser limits otherwise', async () => {
    const { fitScale, CANVAS_MAX_SIDE, CANVAS_MAX_AREA } = await import('../../src/export/png');
    expect(fitScale(3000, 2000, 2)).toEqual({ scale: 2, reduced: false });
    const wide = fitScale(20_000, 1000, 2);
    expect(wide.reduced).toBe(true);
    expect(20_000 * wide.scale).toBeLessThanOrEqual(CANVAS_MAX_SIDE);
    const big = fitScale(12_000, 12_000, 3);
    expect(big.reduced).toBe(true);
    expect(12_000 * big.scale * 12_000 * big.scale).toBeLessThanOrEqual(CANVAS_MAX_AREA);
  });
});
