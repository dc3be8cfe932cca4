import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/domain/filename';
import { renameJourney } from '../../src/domain/journey-commands';
import { metricStatus } from '../../src/domain/metrics';
import { journeyParts, journeySummaries, manyJourneyParts, matchesFilter } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('journeySummaries', () => {
  it('lists each journey with its persona and counts, most recently changed first', () => {
    const store = storeWith(readExample('headphones-two-personas.journey.json'));
    store.dispatch(renameJourney('j-sam', 'Headphones order — Sam L.'));
    const list = journeySummaries(store.getDoc());
    expect(list.map((s) => s.journey.title)).toEqual(['Headphones order — Sam L.', 'Headphones order — Ruth']);
    expect(list[0]).toMatchObject({ stageCount: 5, cardCount: 12 });
    expect(list[0]!.persona?.name).toBe('Sam Lee');
  });
});

describe('manyJourneyParts', () => {
  it('gives each journey the same parts as journeyParts, in the order asked, leaving out missing ones', () => {
    const ws = storeWith(readExample('headphones-two-personas.journey.json')).getDoc();
    const many = manyJourneyParts(ws, ['j-ruth', 'nope', 'j-sam']);
    expect(many).toEqual([journeyParts(ws, 'j-ruth'), journeyParts(ws, 'j-sam')]);
    expect(many[1]!.cards).toHaveLength(12);
  });
});

describe('matchesFilter', () => {
  it('ignores case, accents and surrounding spaces', () => {
    expect(matchesFilter('Café Signup', ' cafe ')).toBe(true);
    expect(matchesFilter('ÜBERWEISUNG', 'überw')).toBe(true);
    expect(matchesFilter('注文の流れ', '注文')).toBe(true);
    expect(matchesFilter('Checkout', 'refund')).toBe(false);
    expect(matchesFilter('Anything', '')).toBe(true);
  });
});

describe('safeFileName', () => {
  it('keeps letters of every script and replaces the rest', () => {
    expect(safeFileName('Headphones order — Sam', '.journey.json')).toBe('Headphones-order-Sam.journey.json');
    expect(safeFileName('../../etc/passwd', '.csv')).toBe('etc-passwd.csv');
    expect(safeFileName('顧客の旅 2026', '.png')).toBe('顧客の旅-2026.png');
    expect(safeFileName('<>:"/\\|?*', '.png')).toBe('journey.png');
  });

  it('never gives a name Windows reserves for a device', () => {
    for (const name of ['CON', 'nul', 'Com1', 'LPT9', 'aux', 'PRN'])
      expect(safeFileName(name, '.png')).toBe(`${name}-journey.png`);
    expect(safeFileName('Console', '.png')).toBe('Console.png');
  });

  it('keeps a name within 150 UTF-8 bytes without splitting a character', () => {
    const encoder = new TextEncoder();
    for (const title of [
      '顧客'.repeat(200),
      '😀'.repeat(100),
      'e\u0301'.repeat(200),
      'a'.repeat(500),
      '👩🏽‍💻'.repeat(40),
    ]) {
      const name = safeFileName(title, '.journey.json');
      expect(encoder.encode(name).length).toBeLessThanOrEqual(150);
      expect(name.endsWith('.journey.json')).toBe(true);
      // No lone surrogate or broken sequence: the name survives a round trip through UTF-8.
      expect(new TextDecoder().decode(encoder.encode(name))).toBe(name);
      expect(name).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
    expect(safeFileName('e\u0301'.repeat(200), '.png').replace('.png', '')).toMatch(/^é+$/u);
  });
});

describe('metricStatus', () => {
  it('compares value with target, the right way round for each metric', () => {
    expect(metricStatus({ metric: 'NPS', value: 20, target: 40 })).toBe('notMet');
    expect(metricStatus({ metric: 'CSAT', value: 4.6, target: 4.5 })).toBe('met');
    expect(metricStatus({ metric: 'churn', value: 3, target: 5 })).toBe('met');
    expect(metricStatus({ metric: 'FCR', value: 48 })).toBe('noTarget');
  });
});
