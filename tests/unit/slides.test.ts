import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
// The strict XML 1.0 parser jsdom reads XML with.
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { journeyParts, type JourneyParts } from '../../src/domain/queries';
import { approximateMeasure } from '../../src/domain/text-measure';
import { cardsOnNoSlide, layoutSlides, MIN_TEXT_PT, SLIDE, type SlideOptions } from '../../src/export/slide-layout';
import { slidesToPptx } from '../../src/export/slides-pptx';
import { storeWith } from '../helpers/workspace';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../fixtures', name), 'utf8');
const texts = {
  laneTitle: (kind: string, title?: string) => title ?? `Lane ${kind}`,
  details: () => '',
  scenarioLabel: 'Scenario',
  slideNumber: (n: number, of: number) => `${n} / ${of}`,
  continued: '(cont.)',
  goals: 'Goals',
  frustrations: 'Frustrations',
};
const none: SlideOptions = { hideEmpty: false, hideCollapsed: false, hiddenKinds: [], fullText: false };
const sam = (): JourneyParts =>
  journeyParts(storeWith(fixture('headphones-two-personas.journey.json')).getDoc(), 'j-sam')!;
const deckOf = (parts: JourneyParts, options: Partial<SlideOptions> = {}) =>
  layoutSlides(parts, { ...none, ...options }, texts, approximateMeasure);
const textsOf = (shapes: ReturnType<typeof deckOf>['slides'][number]['shapes'], role: string) =>
  shapes.flatMap((s) => (s.type === 'text' && s.role === role ? [s] : []));

describe('slides of a journey', () => {
  it('chooses the stages per slide that keep every card’s text at 14 pt, inside the slide', () => {
    const deck = deckOf(sam());
    expect(deck.textPt).toBeGreaterThanOrEqual(MIN_TEXT_PT);
    expect(deck.stagesPerSlide).toBe(3);
    for (const slide of deck.slides)
      for (const s of slide.shapes) {
        if (s.type === 'text' && (s.role === 'card' || s.role === 'label'))
          expect(s.size / SLIDE.pxPerPt).toBeGreaterThanOrEqual(MIN_TEXT_PT);
        if (s.type === 'rect') {
          expect(s.x).toBeGreaterThanOrEqual(0);
          expect(s.x + s.w).toBeLessThanOrEqual(SLIDE.width);
          expect(s.y + s.h).toBeLessThanOrEqual(SLIDE.height);
        }
      }
  });

  it('starts with a title slide with the persona, and repeats the lane titles and the persona on every map slide', () => {
    const parts = sam();
    const deck = deckOf(parts);
    expect(deck.slides[0]!.kind).toBe('title');
    expect(textsOf(deck.slides[0]!.shapes, 'persona')[0]!.lines[0]).toBe(parts.persona!.name);
    const maps = deck.slides.slice(1);
    expect(maps.length).toBeGreaterThanOrEqual(2);
    for (const slide of maps) {
      expect(textsOf(slide.shapes, 'persona')[0]!.lines.join(' ')).toContain(parts.persona!.name);
      expect(textsOf(slide.shapes, 'lane').length).toBeGreaterThan(0);
    }
    // Every lane's title is on a slide of each group of stages.
    const laneTitles = new Set(maps.flatMap((s) => textsOf(s.shapes, 'lane').map((t) => t.lines.join(' '))));
    for (const lane of parts.lanes) expect([...laneTitles].join('|')).toContain(texts.laneTitle(lane.kind, lane.title));
  });

  it('shows every card once and hides the lanes asked for, saying which cards are left out', () => {
    const parts = sam();
    const all = deckOf(parts);
    const shown = all.slides.flatMap((s) => s.cardIds);
    expect(shown.sort()).toEqual(parts.cards.map((c) => c.id).sort());
    expect(cardsOnNoSlide(parts, all)).toEqual([]);
    const noPain = deckOf(parts, { hiddenKinds: ['painPoints'] });
    expect(noPain.hiddenLanes).toBe(1);
    const painIds = parts.cards.filter((c) => parts.lanes.find((l) => l.id === c.laneId)!.kind === 'painPoints');
    expect(cardsOnNoSlide(parts, noPain).map((c) => c.id)).toEqual(painIds.map((c) => c.id));
    const collapsed = deckOf(parts, { hideCollapsed: true, collapsed: { [parts.lanes[0]!.id]: true } });
    expect(collapsed.hiddenLanes).toBe(1);
  });

  it('hides lanes without cards when asked', () => {
    const parts = sam();
    const empty = { ...parts.lanes[0]!, id: 'empty-lane', kind: 'notes' as const, title: 'Nothing here' };
    const withEmpty = { ...parts, lanes: [...parts.lanes, empty] };
    expect(deckOf(withEmpty).hiddenLanes).toBe(0);
    expect(deckOf(withEmpty, { hideEmpty: true }).hiddenLanes).toBe(1);
  });

  it('says how small the text gets when more stages are put on a slide than fit at 14 pt', () => {
    const deck = deckOf(sam(), { stagesPerSlide: 5 });
    expect(deck.stagesPerSlide).toBe(5);
    expect(deck.textPt).toBeLessThan(MIN_TEXT_PT);
    expect(deck.slides.length).toBeLessThan(deckOf(sam()).slides.length);
  });

  it('carries the emotion curve from one slide to the next at the same height', () => {
    const deck = deckOf(sam());
    const curves = deck.slides.flatMap((s) => (s.curve ? [s.curve] : []));
    expect(curves.length).toBeGreaterThanOrEqual(2);
    expect(curves[0]!.exit).toBeDefined();
    expect(curves[1]!.enter).toBeDefined();
    expect(curves[1]!.enter!.y).toBeCloseTo(curves[0]!.exit!.y, 5);
    expect(curves[0]!.exit!.x).toBe(curves[1]!.points[0]!.x > curves[1]!.enter!.x ? curves[0]!.exit!.x : NaN);
  });

  it('splits a cell with more cards than a slide holds over two slides, continuing the lane', () => {
    const parts = sam();
    const lane = parts.lanes.find((l) => l.kind === 'painPoints')!;
    const many = Array.from({ length: 14 }, (_, i) => ({
      ...parts.cards.find((c) => c.laneId === lane.id)!,
      id: `extra-${i}`,
      title: `Extra pain point number ${i + 1}`,
    }));
    const deck = deckOf({ ...parts, cards: [...parts.cards, ...many] });
    const shown = deck.slides.flatMap((s) => s.cardIds);
    for (const c of many) expect(shown).toContain(c.id);
    const continued = deck.slides
      .flatMap((s) => textsOf(s.shapes, 'lane'))
      .filter((t) => t.lines.join(' ').includes('(cont.)'));
    expect(continued.length).toBeGreaterThan(0);
  });
});

describe('text pasted with control characters', () => {
  const dirty = (s: string) => `${s}\u0001\u000B\uFFFF\uD800 end`;
  const dirtyJourney = (): JourneyParts => {
    const parts = sam();
    return {
      ...parts,
      journey: { ...parts.journey, title: dirty('Order') },
      cards: parts.cards.map((c) => ({ ...c, title: dirty(c.title) })),
      connections: parts.connections.map((x) => ({ ...x, label: dirty('then') })),
    };
  };

  it('writes a PowerPoint whose every XML part is well-formed', async () => {
    const deck = deckOf(dirtyJourney());
    const blob = await slidesToPptx(deck, { title: dirty('Order'), curveName: dirty('Emotions') });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = Object.keys(files).filter((n) => /\.(xml|rels)$/.test(n));
    expect(xml.length).toBeGreaterThan(5);
    for (const name of xml) {
      const parser = new SaxesParser();
      expect(() => parser.write(strFromU8(files[name]!)).close(), name).not.toThrow();
    }
    const slides = xml.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]!));
    expect(slides.join('')).toMatch(/<a:t>Order\s+end<\/a:t>/);
  });
});
