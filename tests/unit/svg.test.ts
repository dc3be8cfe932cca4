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

  it('puts the persona under a long title on a one-stage picture, clear of the grid, and the title whole', () => {
    const parts = journeyParts(multilingual().getDoc(), 'j-ar')!;
    const title = 'Rescheduling a dental appointment after a clash with a work shift, told by the patient';
    const svg = journeyToSvg(
      { ...parts, journey: { ...parts.journey, title } },
      { ...options, stageRange: [0, 0] },
    ).svg;
    const header = svg.slice(0, svg.indexOf('<g transform='));
    const words = [...header.matchAll(/font-size="26"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' ');
    expect(words).toBe(title);
    const gridTop = Number(/<g transform="translate\([\d.]+ ([\d.]+)\)"/.exec(svg)![1]);
    const avatar = /<circle cx="([\d.]+)" cy="([\d.]+)" r="26"/.exec(header)!;
    const quoteY = Number(/y="([\d.]+)" font-size="12"[^>]*>“/.exec(header)![1]);
    expect(Number(avatar[2]) - 26).toBeGreaterThan(
      Number([...header.matchAll(/y="([\d.]+)" font-size="26"/g)].at(-1)![1]),
    );
    expect(quoteY).toBeLessThan(gridTop);
  });

  it('gives a card’s title only the lines its details leave free', () => {
    const parts = journeyParts(multilingual().getDoc(), 'j-ja')!;
    const card = parts.cards.find((c) => c.laneId === parts.lanes.find((l) => l.kind !== 'emotions')!.id)!;
    const long = { ...card, title: 'Unified inbox: one customer view across email and WhatsApp for every agent' };
    const details = () => 'Impact 3/3 · Effort 2/3 · Planned · 5 votes · Owner: Support operations team';
    const svg = journeyToSvg(
      { ...parts, cards: parts.cards.map((c) => (c.id === card.id ? long : c)) },
      { ...options, details },
    ).svg;
    const g = svg.slice(svg.indexOf(`data-card="${card.id}"`));
    const ys = (size: number) =>
      [
        ...g
          .slice(0, g.indexOf('</g>'))
          .matchAll(new RegExp(`y="([\\d.]+)" font-size="${size}" font-weight="700"`, 'g')),
      ].map((m) => Number(m[1]));
    const titleYs = ys(15);
    const detailY = Number(/y="([\d.]+)" font-size="12" font-weight="400"/.exec(g)![1]);
    expect(titleYs.length).toBe(2);
    expect(detailY - titleYs.at(-1)!).toBeGreaterThan(15);
  });
});
