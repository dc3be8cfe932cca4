import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { journeyParts } from '../../src/domain/queries';
import { journeyToSvg } from '../../src/export/svg';
import { storeWith } from '../helpers/workspace';

const multilingual = () =>
  storeWith(readFileSync(resolve(import.meta.dirname, '../fixtures/multilingual.journey.json'), 'utf8'));
const options = {
  laneTitle: (kind: string, title?: string) => title ?? kind,
  details: () => '',
  scenarioLabel: 'Scenario',
};

describe('journeyToSvg', () => {
  it('starts Arabic and Hebrew lines at the right edge, other lines at the left', () => {
    const doc = multilingual().getDoc();
    const svg = journeyToSvg(journeyParts(doc, 'j-ar')!, options).svg;
    expect(svg).toMatch(/<text x="[\d.]+" direction="rtl"[^>]*>تكتشف أن الموعد/);
    expect(svg).toMatch(/<text x="[\d.]+" direction="rtl"[^>]*>הנציג לא רואה את המייל/);
    const ja = journeyToSvg(journeyParts(doc, 'j-ja')!, options).svg;
    expect(ja).not.toContain('direction="rtl"');
  });

  it('draws every connection above the cards and each label after its line', () => {
    const svg = journeyToSvg(journeyParts(multilingual().getDoc(), 'j-ja')!, options).svg;
    const lastCard = svg.lastIndexOf('<g class="card"');
    expect(svg.indexOf('class="connection connection--alternative"')).toBeGreaterThan(lastCard);
    expect(svg.indexOf('繋がらない')).toBeGreaterThan(svg.indexOf('class="connection connection--alternative"'));
  });
});
