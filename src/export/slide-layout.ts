import { placeLabels, routeConnection, type Route } from '../domain/connection-route';
import { clampScore, type Box } from '../domain/layout';
import { visibleLanes, type LaneVisibility } from '../domain/lane-visibility';
import type { JourneyParts } from '../domain/queries';
import {
  ALL_KIND_FIELDS,
  type CardRec,
  type Id,
  type LaneKind,
  type LaneRec,
  type PersonaRec,
  type StageRec,
} from '../domain/types';
import type { Measure } from '../domain/text-measure';
import { EDGE_STYLES } from '../canvas/visuals';
import { wrapText } from './svg';

/**
 * A journey as 16:9 slides, as a list of shapes in slide pixels (1920x1080), so the preview, the
 * PNG and PDF pages and the PowerPoint file draw the same thing. A slide is 13.333 in wide, so a
 * point is 2 px: card text at 28 px is 14 pt.
 */
export const SLIDE = {
  width: 1920,
  height: 1080,
  pxPerPt: 2,
  margin: 40,
  headerHeight: 92,
  laneHeaderWidth: 280,
  stageHeaderHeight: 60,
  columnWidth: 440,
  cellPadding: 14,
  cardGap: 12,
  /** Card text: titles, details and notes; never under 14 pt at the automatic stage count. */
  text: 28,
  line: 34,
  emotionStep: 46,
} as const;

export const MIN_TEXT_PT = 14;

export interface SlideOptions extends LaneVisibility {
  fullText: boolean;
  /** Stages on one slide; the most that keeps card text at 14 pt when absent. */
  stagesPerSlide?: number;
}

export type Shape =
  | { type: 'rect'; x: number; y: number; w: number; h: number; fill: string; stroke?: string; radius?: number }
  | {
      type: 'text';
      x: number;
      y: number;
      w: number;
      h: number;
      lines: string[];
      size: number;
      bold?: boolean;
      color: string;
      align?: 'left' | 'center' | 'right';
      /** What the text is, for tests and for the PowerPoint shape it becomes. */
      role: 'title' | 'persona' | 'avatar' | 'stage' | 'lane' | 'card' | 'label' | 'footer' | 'body';
      /** The text as written, by paragraph, where an editable copy (PowerPoint) wraps it itself. */
      paragraphs?: string[];
      /** How many lines (and paragraphs) from the top are bold: a card's title. */
      boldLines?: number;
    }
  | {
      type: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: boolean;
    }
  | { type: 'dot'; x: number; y: number; r: number; fill: string }
  /** A persona's uploaded picture (a data URL), cut to a circle. */
  | { type: 'image'; x: number; y: number; w: number; h: number; href: string }
  | {
      /** A connection: the map's own route (one cubic Bézier), with an arrow at its end. */
      type: 'path';
      route: Route;
      color: string;
      width: number;
      dash?: boolean;
    };

/** The emotion curve on one slide: its points, and where it comes in and goes out at the edges. */
export interface SlideCurve {
  points: { x: number; y: number }[];
  enter?: { x: number; y: number };
  exit?: { x: number; y: number };
  color: string;
  /** The Emotions lane's box on the slide, with the score each point stands for. */
  box: { x: number; y: number; w: number; h: number };
  scores: number[];
  /** Each point's place across the slide's stages, 0 … stages (for a chart's x axis). */
  at: number[];
  stages: number;
}

export interface Slide {
  kind: 'title' | 'map';
  shapes: Shape[];
  curve?: SlideCurve;
  /** The card ids the slide shows (tests, and to know what is on no slide). */
  cardIds: Id[];
}

export interface SlideDeck {
  slides: Slide[];
  stagesPerSlide: number;
  /** The size of card text on the slides, in points. */
  textPt: number;
  hiddenLanes: number;
}

export interface SlideTexts {
  laneTitle: (kind: LaneKind, title: string | undefined) => string;
  details: (card: CardRec, kind: LaneKind) => string;
  scenarioLabel: string;
  /** "Slide 2 of 7". */
  slideNumber: (n: number, of: number) => string;
  continued: string;
  goals: string;
  frustrations: string;
}

const INK = '#1d2433';
const MUTED = '#3b4456';
const LINE = '#cfd5df';
const STAGE_FILL = '#1f3b64';

/** Stages that fit one slide at a scale (1: card text at 14 pt). */
export function autoStagesPerSlide(): number {
  const room = SLIDE.width - 2 * SLIDE.margin - SLIDE.laneHeaderWidth;
  return Math.max(1, Math.floor(room / SLIDE.columnWidth));
}

/** The scale at which `n` stages fit one slide: 1 up to the automatic count, less beyond it. */
export function scaleFor(n: number): number {
  return Math.min(1, columnWidthFor(n) / SLIDE.columnWidth);
}

/** Stages share the slide's width: wider cards than the least need wrap their text less. */
function columnWidthFor(n: number): number {
  return (SLIDE.width - 2 * SLIDE.margin - SLIDE.laneHeaderWidth) / n;
}

interface CardBlock {
  card: CardRec;
  paragraphs: string[];
  title: string[];
  notes: string[];
  details: string[];
  height: number;
}

/** A lane's part on one slide: for each stage of the slide, the cards it shows there. */
interface LanePart {
  lane: LaneRec;
  height: number;
  cells: CardBlock[][];
  continued: boolean;
}

export function layoutSlides(
  parts: JourneyParts,
  options: SlideOptions,
  texts: SlideTexts,
  measure: Measure,
): SlideDeck {
  const auto = autoStagesPerSlide();
  const perSlide = Math.max(1, Math.min(options.stagesPerSlide ?? auto, Math.max(1, parts.stages.length)));
  const k = scaleFor(perSlide);
  const size = SLIDE.text * k;
  const lineH = SLIDE.line * k;
  const colW = columnWidthFor(perSlide);
  const pad = SLIDE.cellPadding * k;
  const cardW = colW - 2 * pad;
  const lanes = visibleLanes(parts, options);
  const kinds = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  const emotionLane = lanes.find((l) => l.kind === 'emotions');
  const color = parts.persona?.color ?? '#c9752b';

  const block = (card: CardRec): CardBlock => {
    const kind = kinds.get(card.laneId)!;
    const inner = cardW - 2 * pad;
    const title = wrapText(card.title.trim() || '—', inner, size, true, options.fullText ? Infinity : 3, measure);
    const notes =
      options.fullText && card.notes?.trim()
        ? card.notes.split('\n').flatMap((p) => (p.trim() ? wrapText(p, inner, size, false, Infinity, measure) : []))
        : [];
    const detail = texts.details(card, kind);
    const details = detail ? wrapText(detail, inner, size, false, 2, measure) : [];
    const lines = title.length + notes.length + details.length;
    // A title cut to three lines is given to PowerPoint as cut, so it fits its shape there too.
    const titleText = title.at(-1)?.endsWith('…') ? title.join(' ') : card.title.trim() || '—';
    const paragraphs = [
      titleText,
      ...(options.fullText && card.notes?.trim() ? card.notes.split('\n').filter((p) => p.trim()) : []),
      ...(detail ? [detail] : []),
    ];
    return { card, paragraphs, title, notes, details, height: 2 * pad + lines * lineH + (notes.length ? 6 : 0) };
  };

  const top = SLIDE.margin + SLIDE.headerHeight + SLIDE.stageHeaderHeight;
  const room = SLIDE.height - SLIDE.margin - top;
  const emotionH = 2 * pad + 4 * SLIDE.emotionStep + 2 * lineH;

  const slides: Slide[] = [titleSlide(parts, texts, measure)];
  const chunks: StageRec[][] = [];
  for (let i = 0; i < parts.stages.length; i += perSlide) chunks.push(parts.stages.slice(i, i + perSlide));
  const byCell = new Map<string, CardRec[]>();
  for (const c of parts.cards) {
    if (isEmptyCard(c) && kinds.get(c.laneId) !== 'emotions') continue;
    const key = `${c.stageId}|${c.laneId}`;
    const list = byCell.get(key);
    if (list) list.push(c);
    else byCell.set(key, [c]);
  }
  const stageIndex = new Map(parts.stages.map((s, i) => [s.id, i]));

  chunks.forEach((stages) => {
    // Each lane's cells, split into parts no taller than a slide's grid.
    const laneParts: LanePart[] = [];
    for (const lane of lanes) {
      if (lane.kind === 'emotions') {
        laneParts.push({ lane, height: emotionH, cells: [], continued: false });
        continue;
      }
      const cells = stages.map((s) => (byCell.get(`${s.id}|${lane.id}`) ?? []).map(block));
      const split: CardBlock[][][] = [];
      cells.forEach((cell, col) => {
        let part = 0;
        let used = 0;
        for (const b of cell) {
          const h = Math.min(b.height, room - 2 * pad);
          if (used > 0 && used + h > room - 2 * pad) {
            part += 1;
            used = 0;
          }
          ((split[part] ??= stages.map(() => []))[col] ??= []).push(h === b.height ? b : { ...b, height: h });
          used += h + SLIDE.cardGap * k;
        }
      });
      if (split.length === 0) split.push(stages.map(() => []));
      split.forEach((cellsOfPart, i) => {
        const tallest = Math.max(
          lineH,
          ...cellsOfPart.map(
            (c) => c.reduce((n, b) => n + b.height, 0) + Math.max(0, c.length - 1) * SLIDE.cardGap * k,
          ),
        );
        laneParts.push({ lane, height: tallest + 2 * pad, cells: cellsOfPart, continued: i > 0 });
      });
    }
    // Lanes packed onto slides, in order, as many as fit.
    const pages: LanePart[][] = [];
    let page: LanePart[] = [];
    let used = 0;
    for (const lp of laneParts) {
      if (page.length > 0 && used + lp.height > room) {
        pages.push(page);
        page = [];
        used = 0;
      }
      page.push(lp);
      used += lp.height;
    }
    if (page.length > 0 || pages.length === 0) pages.push(page);
    for (const lanesOnSlide of pages)
      slides.push(
        mapSlide(parts, stages, lanesOnSlide, {
          texts,
          measure,
          k,
          top,
          colW,
          pad,
          cardW,
          size,
          lineH,
          emotionLane,
          color,
          stageIndex,
          byCell,
        }),
      );
  });

  const total = slides.length;
  slides.forEach((s, i) => {
    if (i === 0) return;
    s.shapes.push({
      type: 'text',
      x: SLIDE.width - SLIDE.margin - 400,
      y: SLIDE.height - SLIDE.margin + 4,
      w: 400,
      h: 30,
      lines: [texts.slideNumber(i + 1, total)],
      size: 20,
      color: MUTED,
      align: 'right',
      role: 'footer',
    });
  });
  return {
    slides,
    stagesPerSlide: perSlide,
    textPt: Math.round((size / SLIDE.pxPerPt) * 10) / 10,
    hiddenLanes: parts.lanes.length - lanes.length,
  };
}

interface MapContext {
  texts: SlideTexts;
  measure: Measure;
  k: number;
  top: number;
  colW: number;
  pad: number;
  cardW: number;
  size: number;
  lineH: number;
  emotionLane: LaneRec | undefined;
  color: string;
  stageIndex: Map<Id, number>;
  byCell: Map<string, CardRec[]>;
}

const CARD_FILL: Partial<Record<LaneKind, string>> = { painPoints: '#fff6f5', opportunities: '#f3fbf6' };

function mapSlide(parts: JourneyParts, stages: StageRec[], lanes: LanePart[], c: MapContext): Slide {
  const shapes: Shape[] = [];
  const { texts, measure, colW, pad, cardW, size, lineH } = c;
  const left = SLIDE.margin + SLIDE.laneHeaderWidth;
  const gridW = stages.length * colW;
  shapes.push(...header(parts, texts, measure));
  const first = c.stageIndex.get(stages[0]!.id)!;
  // Stage headers.
  stages.forEach((s, i) => {
    const x = left + i * colW;
    shapes.push({
      type: 'rect',
      x,
      y: c.top - SLIDE.stageHeaderHeight,
      w: colW,
      h: SLIDE.stageHeaderHeight,
      fill: STAGE_FILL,
      stroke: '#3a5a88',
    });
    shapes.push({
      type: 'text',
      x: x + 12,
      y: c.top - SLIDE.stageHeaderHeight + 12,
      w: colW - 24,
      h: SLIDE.stageHeaderHeight - 24,
      lines: wrapText(`${first + i + 1}. ${s.name}`, colW - 24, 28 * Math.max(c.k, 0.75), true, 1, measure),
      size: 28 * Math.max(c.k, 0.75),
      bold: true,
      color: '#ffffff',
      role: 'stage',
    });
  });
  const boxes = new Map<Id, { x: number; y: number; w: number; h: number }>();
  const cardIds: Id[] = [];
  let curve: SlideCurve | undefined;
  let y = c.top;
  lanes.forEach((lp, row) => {
    const lane = lp.lane;
    shapes.push({
      type: 'rect',
      x: SLIDE.margin,
      y,
      w: SLIDE.laneHeaderWidth + gridW,
      h: lp.height,
      fill: row % 2 ? '#f7f8fb' : '#ffffff',
      stroke: '#dde1e8',
    });
    shapes.push({
      type: 'rect',
      x: SLIDE.margin,
      y,
      w: SLIDE.laneHeaderWidth,
      h: lp.height,
      fill: '#eef1f6',
      stroke: '#dde1e8',
    });
    const title = texts.laneTitle(lane.kind, lane.title) + (lp.continued ? ` ${texts.continued}` : '');
    const titleLines = wrapText(
      title,
      SLIDE.laneHeaderWidth - 32,
      28,
      true,
      Math.max(1, Math.floor((lp.height - 16) / 34)),
      measure,
    );
    shapes.push({
      type: 'text',
      x: SLIDE.margin + 20,
      y: y + 12,
      w: SLIDE.laneHeaderWidth - 32,
      h: lp.height - 16,
      lines: titleLines,
      size: 28,
      bold: true,
      color: INK,
      role: 'lane',
    });
    for (let i = 0; i <= stages.length; i++)
      shapes.push({
        type: 'line',
        x1: left + i * colW,
        y1: y,
        x2: left + i * colW,
        y2: y + lp.height,
        color: '#dde1e8',
        width: 1,
      });
    if (lane.kind === 'emotions') {
      const { labels, ids, ...drawn } = emotionCurve(parts, stages, lane, y, c, left);
      curve = drawn;
      // The neutral score, so a point reads as above or below it at a glance.
      const zero = drawn.box.y + drawn.box.h / 2;
      shapes.push({
        type: 'line',
        x1: left,
        y1: zero,
        x2: left + gridW,
        y2: zero,
        color: '#9aa3b2',
        width: 2,
        dash: true,
      });
      for (const p of drawn.points) shapes.push({ type: 'dot', x: p.x, y: p.y, r: 9, fill: c.color });
      shapes.push(...labels);
      cardIds.push(...ids);
    } else {
      lp.cells.forEach((cell, col) => {
        let cy = y + pad;
        for (const b of cell) {
          const x = left + col * colW + pad;
          boxes.set(b.card.id, { x, y: cy, w: cardW, h: b.height });
          cardIds.push(b.card.id);
          shapes.push({
            type: 'rect',
            x,
            y: cy,
            w: cardW,
            h: b.height,
            fill: CARD_FILL[lane.kind] ?? '#ffffff',
            stroke: LINE,
            radius: 8,
          });
          const lines = [...b.title, ...b.notes, ...b.details];
          const room = Math.max(1, Math.floor((b.height - 2 * pad) / lineH));
          // A card cut by the slide's height keeps what fits, ending in an ellipsis.
          const shown = lines.length > room ? [...lines.slice(0, room - 1), `${lines[room - 1]}…`] : lines;
          shapes.push({
            type: 'text',
            x: x + pad,
            y: cy + pad,
            w: cardW - 2 * pad,
            h: b.height - 2 * pad,
            lines: shown,
            paragraphs: lines.length > room ? undefined : b.paragraphs,
            boldLines: b.title.length,
            size,
            bold: false,
            color: INK,
            role: 'card',
          });
          cy += b.height + SLIDE.cardGap * c.k;
        }
      });
    }
    y += lp.height;
  });
  // Connections between two cards on this slide, routed and labelled as on the map, above the
  // cards; a label goes where it covers no card, no point of the curve and no other label.
  const boxOf = (b: { x: number; y: number; w: number; h: number }): Box => ({
    x: b.x,
    y: b.y,
    width: b.w,
    height: b.h,
  });
  const shown = parts.connections.filter((x) => boxes.has(x.from) && boxes.has(x.to));
  const routes = new Map(shown.map((x) => [x.id, routeConnection(boxOf(boxes.get(x.from)!), boxOf(boxes.get(x.to)!))]));
  const labelled = shown
    .filter((x) => x.label?.trim())
    .map((x) => {
      const text = x.label!.trim();
      const w = Math.min(colW - 2 * pad, measure(text, size, false) + 24);
      return { x, text, w, h: lineH + 8 };
    });
  const obstacles = [...boxes.values()].map(boxOf);
  if (curve)
    obstacles.push({
      x: curve.box.x,
      y: curve.box.y - SLIDE.emotionStep / 2,
      width: curve.box.w,
      height: curve.box.h + SLIDE.emotionStep / 2 + lineH + 20,
    });
  const places = placeLabels(
    labelled.map((l) => ({ id: l.x.id, route: routes.get(l.x.id)!, width: l.w, height: l.h })),
    obstacles,
    { bounds: { x: left, y: c.top, width: gridW, height: y - c.top }, sideways: true, reach: 80 },
  );
  for (const x of shown) {
    const style = EDGE_STYLES[x.kind ?? 'flow'];
    shapes.push({ type: 'path', route: routes.get(x.id)!, color: style.stroke, width: 4, dash: !!style.dash });
  }
  for (const l of labelled) {
    const at = places.get(l.x.id)!;
    shapes.push({
      type: 'rect',
      x: at.x - l.w / 2,
      y: at.y - l.h / 2,
      w: l.w,
      h: l.h,
      fill: '#ffffff',
      stroke: EDGE_STYLES[l.x.kind ?? 'flow'].stroke,
      radius: 6,
    });
    shapes.push({
      type: 'text',
      x: at.x - l.w / 2 + 12,
      y: at.y - l.h / 2 + 4,
      w: l.w - 24,
      h: lineH,
      lines: wrapText(l.text, l.w - 24, size, false, 1, measure),
      size,
      color: INK,
      align: 'center',
      role: 'label',
    });
  }
  return { kind: 'map', shapes, curve, cardIds };
}

/**
 * The emotion curve over this slide's stages: one point per emotion card, and the neighbouring
 * stages' nearest points carried to the slide's edges so the curve reads on from slide to slide.
 */
function emotionCurve(
  parts: JourneyParts,
  stages: StageRec[],
  lane: LaneRec,
  y: number,
  c: MapContext,
  left: number,
): SlideCurve & { labels: Shape[]; ids: Id[] } {
  const levelY = (score: number) => y + c.pad + c.lineH / 2 + (2 - clampScore(score)) * SLIDE.emotionStep;
  const pointsOf = (stageIdx: number, slot: number) => {
    const stage = parts.stages[stageIdx];
    if (!stage) return [];
    const cards = c.byCell.get(`${stage.id}|${lane.id}`) ?? [];
    return cards.map((card, i) => ({
      card,
      x: left + slot * c.colW + ((i + 1) * c.colW) / (cards.length + 1),
      y: levelY(card.score ?? 0),
      at: slot + (i + 1) / (cards.length + 1),
    }));
  };
  const first = c.stageIndex.get(stages[0]!.id)!;
  const inside = stages.flatMap((_, i) => pointsOf(first + i, i));
  const labels: Shape[] = inside
    .filter((p) => p.card.title.trim())
    .map((p) => {
      const w = c.colW / Math.max(1, (c.byCell.get(`${p.card.stageId}|${lane.id}`) ?? []).length) - 8;
      return {
        type: 'text',
        x: p.x - w / 2,
        y: p.y + 14,
        w,
        h: c.lineH,
        lines: wrapText(p.card.title.trim(), w, c.size, true, 1, c.measure),
        size: c.size,
        bold: true,
        color: INK,
        align: 'center',
        role: 'card',
      };
    });
  // The last point before this slide and the first after it, met at the grid's edges.
  let before: { x: number; y: number } | undefined;
  for (let s = first - 1; s >= 0 && !before; s--) before = pointsOf(s, s - first).at(-1);
  let after: { x: number; y: number } | undefined;
  for (let s = first + stages.length; s < parts.stages.length && !after; s++) after = pointsOf(s, s - first)[0];
  const right = left + stages.length * c.colW;
  const edge = (from: { x: number; y: number } | undefined, to: { x: number; y: number } | undefined, x: number) =>
    from && to ? { x, y: from.y + ((to.y - from.y) * (x - from.x)) / (to.x - from.x || 1) } : undefined;
  return {
    points: inside.map(({ x, y }) => ({ x, y })),
    enter: edge(before, inside[0], left),
    exit: edge(inside.at(-1), after, right),
    color: c.color,
    box: { x: left, y: levelY(2), w: stages.length * c.colW, h: levelY(-2) - levelY(2) },
    scores: inside.map((p) => clampScore(p.card.score ?? 0)),
    at: inside.map((p) => p.at),
    stages: stages.length,
    labels,
    ids: inside.map((p) => p.card.id),
  };
}

/** The persona's picture: a disc in the persona's colour with its emoji or its uploaded picture. */
function avatar(persona: PersonaRec, x: number, y: number, r: number): Shape[] {
  const shapes: Shape[] = [{ type: 'dot', x, y, r, fill: persona.color ?? '#d7dbe3' }];
  if (persona.avatar && 'image' in persona.avatar)
    shapes.push({ type: 'image', x: x - r, y: y - r, w: 2 * r, h: 2 * r, href: persona.avatar.image });
  const emoji = persona.avatar && 'emoji' in persona.avatar ? persona.avatar.emoji.trim() : '';
  if (emoji)
    shapes.push({
      type: 'text',
      x: x - r,
      y: y - r * 0.75,
      w: 2 * r,
      h: 1.5 * r,
      lines: [emoji],
      size: r * 1.2,
      color: INK,
      align: 'center',
      role: 'avatar',
    });
  return shapes;
}

/** The journey's title and the persona's chip, at the top of every map slide. */
function header(parts: JourneyParts, texts: SlideTexts, measure: Measure): Shape[] {
  const shapes: Shape[] = [];
  const persona = parts.persona;
  const name = persona ? (persona.role ? `${persona.name} · ${persona.role}` : persona.name) : '';
  // The chip is as wide as the persona's name and role need, up to half the slide; the title
  // takes the rest.
  const personaW = persona ? Math.min(SLIDE.width / 2, Math.max(360, measure(name, 28, true) + 66 + 32)) : 0;
  shapes.push({
    type: 'text',
    x: SLIDE.margin,
    y: SLIDE.margin,
    w: SLIDE.width - 2 * SLIDE.margin - personaW,
    h: 48,
    lines: wrapText(parts.journey.title, SLIDE.width - 2 * SLIDE.margin - personaW - 20, 40, true, 1, measure),
    size: 40,
    bold: true,
    color: INK,
    role: 'title',
  });
  if (persona) {
    const x = SLIDE.width - SLIDE.margin - personaW;
    shapes.push({ type: 'rect', x, y: SLIDE.margin, w: personaW, h: 64, fill: '#f2f4f8', stroke: LINE, radius: 32 });
    shapes.push(...avatar(persona, x + 32, SLIDE.margin + 32, 22));
    shapes.push({
      type: 'text',
      x: x + 66,
      y: SLIDE.margin + 14,
      w: personaW - 86,
      h: 36,
      lines: wrapText(name, personaW - 86, 28, true, 1, measure),
      size: 28,
      bold: true,
      color: INK,
      role: 'persona',
    });
  }
  return shapes;
}

/** The first slide: the journey, its scenario, and the persona in full. */
function titleSlide(parts: JourneyParts, texts: SlideTexts, measure: Measure): Slide {
  const m = SLIDE.margin * 2;
  const w = SLIDE.width - 2 * m;
  const shapes: Shape[] = [{ type: 'rect', x: 0, y: 0, w: SLIDE.width, h: 12, fill: STAGE_FILL }];
  let y = m + 40;
  const text = (
    lines: string[],
    size: number,
    bold: boolean,
    color: string,
    role: 'title' | 'persona' | 'body',
    x = m,
    width = w,
  ) => {
    if (lines.length === 0) return;
    shapes.push({ type: 'text', x, y, w: width, h: lines.length * size * 1.25, lines, size, bold, color, role });
    y += lines.length * size * 1.25 + size * 0.6;
  };
  text(wrapText(parts.journey.title, w, 72, true, 2, measure), 72, true, INK, 'title');
  if (parts.journey.scenario?.trim())
    text(
      wrapText(`${texts.scenarioLabel}: ${parts.journey.scenario}`, w, 32, false, 4, measure),
      32,
      false,
      MUTED,
      'body',
    );
  const persona = parts.persona;
  if (persona) {
    y += 30;
    shapes.push(...avatar(persona, m + 60, y + 60, 60));
    const x = m + 160;
    const pw = w - 160;
    const y0 = y;
    text(wrapText(persona.name, pw, 48, true, 1, measure), 48, true, INK, 'persona', x, pw);
    const facts = [persona.role, persona.age !== undefined ? String(persona.age) : undefined, persona.location]
      .filter((s): s is string => !!s?.trim())
      .join(' · ');
    if (facts) text(wrapText(facts, pw, 32, false, 1, measure), 32, false, MUTED, 'persona', x, pw);
    if (persona.quote?.trim())
      text(wrapText(`“${persona.quote}”`, pw, 32, false, 3, measure), 32, false, INK, 'persona', x, pw);
    y = Math.max(y, y0 + 140);
    const half = (w - 40) / 2;
    const list = (label: string, items: string[], x: number) => {
      if (items.length === 0) return 0;
      const lines = [label, ...items.flatMap((g) => wrapText(`• ${g}`, half, 28, false, 2, measure))].slice(0, 12);
      shapes.push({ type: 'text', x, y, w: half, h: lines.length * 35, lines, size: 28, color: INK, role: 'persona' });
      return lines.length * 35;
    };
    const h = Math.max(
      list(texts.goals, persona.goals, m),
      list(texts.frustrations, persona.frustrations, m + half + 40),
    );
    y += h;
  }
  return { kind: 'title', shapes, cardIds: [] };
}

/** Every card the deck leaves out (on hidden lanes), to say so before export. */
export function cardsOnNoSlide(parts: JourneyParts, deck: SlideDeck): CardRec[] {
  const shown = new Set(deck.slides.flatMap((s) => s.cardIds));
  return parts.cards.filter((c) => !shown.has(c.id) && !isEmptyCard(c));
}

/**
 * A card nobody wrote anything on (a cell's ＋ clicked and left): a slide leaves it out rather
 * than show a box with a dash. An emotion keeps its point on the curve.
 */
export function isEmptyCard(card: CardRec): boolean {
  return (
    !card.title.trim() &&
    !card.notes?.trim() &&
    card.evidence === undefined &&
    ALL_KIND_FIELDS.every((f) => card[f] === undefined || card[f] === '')
  );
}
