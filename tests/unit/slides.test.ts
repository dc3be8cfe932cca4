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
import { cardDetails } from '../../src/export/card-details';
import { measureText } from '../../src/domain/measure-text';
import { addCatalogue, i18n } from '../../src/i18n';
import { lv } from '../../src/i18n/locales/lv';
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

describe('what a slide shows of the persona and the cards', () => {
  it('draws the persona’s emoji in its avatar, on the title slide and every map slide', () => {
    const parts = sam();
    const deck = deckOf({ ...parts, persona: { ...parts.persona!, avatar: { emoji: '🎧' } } });
    for (const slide of deck.slides) {
      const [emoji] = textsOf(slide.shapes, 'avatar');
      expect(emoji?.lines).toEqual(['🎧']);
      const disc = slide.shapes.find(
        (s) => s.type === 'dot' && Math.abs(s.x - (emoji!.x + emoji!.w / 2)) < 1 && s.r >= emoji!.size / 2,
      );
      expect(disc).toBeDefined();
    }
  });

  it('draws an uploaded picture in the avatar, in the PowerPoint file too', async () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
    const parts = sam();
    const deck = deckOf({ ...parts, persona: { ...parts.persona!, avatar: { image: png } } });
    for (const slide of deck.slides)
      expect(slide.shapes.filter((s) => s.type === 'image').map((s) => s.type === 'image' && s.href)).toEqual([png]);
    const blob = await slidesToPptx(deck, { title: 'Sam', curveName: 'Emotions' });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    expect(Object.keys(files).filter((n) => /^ppt\/media\/.+\.png$/.test(n)).length).toBeGreaterThan(0);
    expect(strFromU8(files['ppt/slides/slide1.xml']!)).toMatch(/<p:pic>[\s\S]*prst="ellipse"/);
  });

  it('gives the persona chip the room its name and role need, the title the rest', () => {
    const parts = sam();
    const persona = { ...parts.persona!, name: 'Jonas Becker', role: 'Engineering manager, platform team' };
    const deck = deckOf({ ...parts, persona });
    for (const slide of deck.slides.slice(1)) {
      const [chip] = textsOf(slide.shapes, 'persona');
      expect(chip!.lines).toEqual(['Jonas Becker · Engineering manager, platform team']);
      expect(chip!.x + chip!.w).toBeLessThanOrEqual(SLIDE.width - SLIDE.margin);
      const [title] = textsOf(slide.shapes, 'title');
      expect(title!.x + title!.w).toBeLessThanOrEqual(chip!.x);
    }
  });

  it('draws the Emotions lane’s zero line under the curve', () => {
    const deck = deckOf(sam());
    for (const slide of deck.slides.filter((s) => s.curve)) {
      const { box } = slide.curve!;
      const zero = slide.shapes.find(
        (s) => s.type === 'line' && s.y1 === s.y2 && Math.abs(s.y1 - (box.y + box.h / 2)) < 0.5 && s.x2 - s.x1 >= box.w,
      );
      expect(zero).toBeDefined();
    }
  });

  it('leaves out cards left empty instead of drawing a dash, and does not call them hidden', () => {
    const parts = sam();
    const pain = parts.cards.find((c) => parts.lanes.find((l) => l.id === c.laneId)!.kind === 'painPoints')!;
    const emotion = parts.cards.find((c) => parts.lanes.find((l) => l.id === c.laneId)!.kind === 'emotions')!;
    const empty = { ...pain, id: 'empty', title: '  ', notes: undefined, severity: undefined, evidence: undefined };
    const cards = [...parts.cards.map((c) => (c.id === emotion.id ? { ...c, title: '' } : c)), empty];
    const deck = deckOf({ ...parts, cards });
    expect(deck.slides.flatMap((s) => s.cardIds)).not.toContain('empty');
    expect(cardsOnNoSlide({ ...parts, cards }, deck)).toEqual([]);
    const written = deck.slides.flatMap((s) => s.shapes.flatMap((x) => (x.type === 'text' ? x.lines : [])));
    expect(written).not.toContain('—');
    // The untitled emotion keeps its point on the curve.
    expect(deck.slides.flatMap((s) => s.cardIds)).toContain(emotion.id);
  });
});

describe('measureText', () => {
  it('writes the number as the language does and the percent sign by the language’s pattern', () => {
    const spaced = (v: string) => `${v}\u00a0%`;
    expect(measureText(4.2, '%', 'lv', spaced)).toBe('4,2\u00a0%');
    expect(measureText(1234.5, ' min', 'lv', spaced)).toBe('1234,5 min');
    expect(measureText(1234.5, '/5', 'en', (v) => `${v}%`)).toBe('1,234.5/5');
    expect(measureText(0.125, undefined, 'zh-Hans', (v) => `${v}%`)).toBe('0.13');
  });
});

describe('card details on slides', () => {
  it('names a custom metric by its title alone and writes numbers as the language does', async () => {
    const metric = {
      id: 'm',
      journeyId: 'j',
      stageId: 's',
      laneId: 'l',
      order: 'a',
      title: 'Failed payments',
      metric: 'custom' as const,
      value: 4.2,
      target: 1,
      unit: '%',
    };
    // A custom metric whose direction was never chosen: its figures, and no claim.
    expect(cardDetails(metric, 'metrics')).toBe('4.2% / 1%');
    expect(cardDetails({ ...metric, metric: 'CSAT', value: 1234.5, unit: '/5' }, 'metrics')).toMatch(
      /^CSAT · 1,234\.5\/5 \/ 1\/5/,
    );
    addCatalogue('lv', lv);
    await i18n.changeLanguage('lv');
    try {
      expect(cardDetails(metric, 'metrics')).toMatch(/^4,2\s% \/ 1\s%$/);
    } finally {
      await i18n.changeLanguage('en');
    }
  });
});

describe('connections on slides', () => {
  const source = (path: string) => readFileSync(resolve(import.meta.dirname, '../../src', path), 'utf8');
  /** Journeys with labelled connections in English and Chinese, a link to a neighbouring card among them. */
  const journeys = (): JourneyParts[] =>
    ['demo/demo.journey.json', 'templates/en/saasTrial.journey.json', 'templates/zh-Hans/supportChannels.journey.json']
      .map((path) => storeWith(source(path)).getDoc())
      .flatMap((doc) => Object.keys(doc.journeys).map((id) => journeyParts(doc, id)!))
      .filter((p) => p.connections.some((x) => x.label));

  const EMU_PER_PX = 914400 / 144;
  /** Every shape of a slide's XML that holds text: its box in slide pixels and its text. */
  const textBoxes = (xml: string) =>
    [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap(([, sp]) => {
      const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(sp!);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp!);
      const text = [...sp!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
      if (!off || !ext || !text) return [];
      const [x, y, w, h] = [off[1], off[2], ext[1], ext[2]].map((v) => Number(v) / EMU_PER_PX) as [
        number,
        number,
        number,
        number,
      ];
      return [{ x, y, w, h, text }];
    });
  const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
    a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

  it('never puts a label over a card’s text, in the PowerPoint file’s own geometry', async () => {
    const all = journeys();
    const labels = new Set(all.flatMap((p) => p.connections.flatMap((x) => (x.label ? [x.label.trim()] : []))));
    for (const l of ['ready to buy', '无人应答', 'calls instead']) expect(labels).toContain(l);
    let checked = 0;
    for (const parts of all) {
      const blob = await slidesToPptx(deckOf(parts), { title: parts.journey.title, curveName: 'Emotions' });
      const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
      const titles = parts.cards.map((c) => c.title.trim()).filter(Boolean);
      for (const name of Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
        const boxes = textBoxes(strFromU8(files[name]!));
        const onSlide = boxes.filter((b) => labels.has(b.text));
        const cards = boxes.filter((b) => !labels.has(b.text) && titles.some((t) => b.text.startsWith(t.slice(0, 8))));
        for (const label of onSlide) {
          checked += 1;
          for (const card of cards) expect(overlap(label, card), `${label.text} over ${card.text}`).toBe(false);
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('draws each connection along the map’s route, as one visible curve with an arrow', async () => {
    const parts = journeys()[0]!;
    const deck = deckOf(parts);
    const paths = deck.slides.flatMap((s) => s.shapes.filter((x) => x.type === 'path'));
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p.width).toBeGreaterThanOrEqual(3);
      expect(Math.hypot(p.route.end.x - p.route.start.x, p.route.end.y - p.route.start.y)).toBeGreaterThan(0);
    }
    const blob = await slidesToPptx(deck, { title: parts.journey.title, curveName: 'Emotions' });
    const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
    const xml = Object.keys(files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .map((n) => strFromU8(files[n]!))
      .join('');
    expect((xml.match(/<a:cubicBezTo>/g) ?? []).length).toBe(paths.length);
    expect(xml).toMatch(/<a:custGeom>[\s\S]*?<\/a:custGeom>[\s\S]*?<a:tailEnd type="triangle"/);
  });
});
