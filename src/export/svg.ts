import { placeLabels, routeConnection } from '../domain/connection-route';
import { emotionPoints, smoothPath } from '../domain/emotion-curve';
import { GRID, layoutJourney, type Box } from '../domain/layout';
import type { JourneyParts } from '../domain/queries';
import type { CardRec, LaneKind } from '../domain/types';
import { EDGE_STYLES, LANE_COLORS, PICTURE_FONT } from '../canvas/visuals';

export { approximateMeasure, type Measure } from '../domain/text-measure';
import { approximateMeasure, type Measure } from '../domain/text-measure';
import { SCORES } from '../domain/types';
import { xmlSafe } from './xml-safe';

export interface SvgOptions {
  laneTitle: (kind: LaneKind, title: string | undefined) => string;
  /** One line under a card's title: its kind's fields in words. */
  details: (card: CardRec, kind: LaneKind) => string;
  scenarioLabel: string;
  /** Inclusive indexes of the first and last stage to draw. */
  stageRange?: [number, number];
  measure?: Measure;
  background?: string | null;
  /** Every card's whole title and its notes, the card as tall as they need. */
  fullText?: boolean;
}

export interface SvgPicture {
  svg: string;
  width: number;
  height: number;
}

const MARGIN = 24;

/** Text as XML character data or attribute value: escaped, with forbidden characters dropped. */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Code points; a word too long for one line is broken between them. */
const codePoints = (s: string) => Array.from(s);

/** The longest start of `text` that fits `width` with `suffix` after it (linear in its length). */
function fitStart(text: string, suffix: string, width: number, size: number, bold: boolean, measure: Measure): string {
  const chars = codePoints(text);
  const room = width - measure(suffix, size, bold);
  let used = 0;
  let n = 0;
  for (; n < chars.length; n++) {
    const w = measure(chars[n]!, size, bold);
    if (used + w > room && n > 0) break;
    used += w;
  }
  // Per-character widths ignore kerning: check the whole once and step back if it is over.
  let out = chars.slice(0, n).join('');
  while (n > 1 && measure(out + suffix, size, bold) > width) out = chars.slice(0, --n).join('');
  return out;
}

/**
 * Breaks text into at most `maxLines` lines of `width`, the last one ending in … when cut. Words
 * wider than a line are broken, and work stops once the lines are full, so the cost is linear in
 * the text's length (a 20,000-character word took 26 s with a measure per cut character).
 */
export function wrapText(
  text: string,
  width: number,
  size: number,
  bold: boolean,
  maxLines: number,
  measure: Measure,
): string[] {
  const lines: string[] = [];
  // Words for spaced scripts; CJK has no spaces, so any character may end a line.
  const tokens =
    text
      .replace(/\s+/g, ' ')
      .trim()
      .match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s/gu) ?? [];
  let line = '';
  let cut = false;
  const push = (l: string) => {
    if (lines.length < maxLines) lines.push(l);
    else cut = true;
  };
  for (let i = 0; i < tokens.length && lines.length < maxLines; i++) {
    let tok = tokens[i]!;
    if (tok !== ' ' && measure(tok, size, bold) > width) {
      // A word wider than a line: as much as fits here, the rest on the next lines.
      if (line.trim() !== '') push(line.trimEnd());
      line = '';
      while (lines.length < maxLines) {
        const head = fitStart(tok, '', width, size, bold, measure);
        if (head.length >= tok.length) break;
        push(head);
        tok = tok.slice(head.length);
      }
      if (lines.length >= maxLines) {
        cut = true;
        break;
      }
      line = tok;
      continue;
    }
    const next = line + tok;
    if (measure(next.trimEnd(), size, bold) <= width || line.trim() === '') {
      line = next;
      continue;
    }
    push(line.trimEnd());
    line = tok === ' ' ? '' : tok;
  }
  if (line.trim()) {
    if (lines.length < maxLines) lines.push(line.trimEnd());
    else cut = true;
  }
  const shown = lines.reduce((n, l) => n + l.replace(/\s+/g, '').length, 0);
  if ((cut || shown < text.replace(/\s+/g, '').length) && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = `${fitStart(last, '…', width, size, bold, measure)}…`;
  }
  return lines;
}

/** Whether text reads right to left: its first letter is Hebrew or Arabic (what dir="auto" decides). */
const FIRST_STRONG_RTL = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Lines of text at `x`; given the width they have, a line that reads right to left (Arabic,
 * Hebrew) starts at the right edge instead, as it does on the map.
 */
function textLines(
  lines: string[],
  x: number,
  y: number,
  size: number,
  weight: number,
  fill: string,
  lineHeight = 1.3,
  width?: number,
): string {
  return lines
    .map((l, i) => {
      const rtl = width !== undefined && FIRST_STRONG_RTL.test(l);
      const at = rtl ? `x="${x + width}" direction="rtl"` : `x="${x}"`;
      return `<text ${at} y="${(y + i * size * lineHeight).toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${escapeXml(l)}</text>`;
    })
    .join('');
}

const TITLE_LINE = 1.25;
const SCENARIO_LINE = 19;
const QUOTE_LINE = 15.6;
/** The persona block's width: avatar, name and role, then a quote of two lines under them. */
const PERSONA_WIDTH = 320;
/** Below this content width the persona goes under the title instead of beside it. */
const STACK_BELOW = 960;

interface HeaderLayout {
  title: string[];
  scenario: string[];
  scenarioY: number;
  quote: string[];
  /** The avatar's centre. */
  ax: number;
  ay: number;
  height: number;
}

/**
 * Where the header's parts go. Beside a wide map the persona sits on the right; on a narrow one
 * (a single stage, say) it goes under the title, so the title is not cut to a few words and the
 * persona never reaches past the grid.
 */
function headerLayout(parts: JourneyParts, options: SvgOptions, contentW: number, measure: Measure): HeaderLayout {
  const persona = parts.persona;
  const stacked = !!persona && contentW < STACK_BELOW;
  const textW = persona && !stacked ? contentW - PERSONA_WIDTH - 20 : contentW;
  const title = wrapText(parts.journey.title, textW, 26, true, stacked ? 3 : 2, measure);
  const titleBottom = MARGIN + 26 + (title.length - 1) * 26 * TITLE_LINE + 8;
  const scenario = parts.journey.scenario
    ? wrapText(`${options.scenarioLabel}: ${parts.journey.scenario}`, textW, 14, false, 3, measure)
    : [];
  const scenarioY = titleBottom + 22;
  const textBottom = scenario.length ? scenarioY + (scenario.length - 1) * SCENARIO_LINE + 6 : titleBottom;
  const quote = persona?.quote
    ? wrapText(`“${persona.quote}”`, Math.min(PERSONA_WIDTH - 30, contentW), 12, false, 2, measure)
    : [];
  const ax = stacked || !persona ? MARGIN + 26 : MARGIN + contentW - PERSONA_WIDTH + 20;
  const ay = stacked ? textBottom + 16 + 26 : MARGIN + 28;
  const personaBottom = persona ? ay + (quote.length ? 46 + (quote.length - 1) * QUOTE_LINE + 6 : 30) : 0;
  const bottom = Math.max(textBottom, personaBottom);
  return { title, scenario, scenarioY, quote, ax, ay, height: Math.max(92, bottom - MARGIN + 20) };
}

/**
 * The whole journey — header, stages, lanes, cards, connections and emotion curve — as one SVG,
 * laid out by the same function as the canvas, so the picture never depends on zoom or pan.
 */
export function journeyToSvg(parts: JourneyParts, options: SvgOptions): SvgPicture {
  const measure = options.measure ?? approximateMeasure;
  const [first, last] = options.stageRange ?? [0, parts.stages.length - 1];
  const stages = parts.stages.slice(Math.max(0, first), Math.min(parts.stages.length - 1, last) + 1);
  const stageIds = new Set(stages.map((s) => s.id));
  const cards = parts.cards.filter((c) => stageIds.has(c.stageId));
  const cardIds = new Set(cards.map((c) => c.id));
  const connections = parts.connections.filter((x) => cardIds.has(x.from) && cardIds.has(x.to));
  const kinds = new Map(parts.lanes.map((l) => [l.id, l.kind]));
  // Each card's wrapped text, made once: with full text it also sets the card's height.
  const texts = new Map<string, CardText>();
  const textOf = (card: CardRec) => {
    let text = texts.get(card.id);
    if (!text) texts.set(card.id, (text = cardText(card, kinds.get(card.laneId)!, options, measure)));
    return text;
  };
  const layout = layoutJourney(
    stages,
    parts.lanes,
    cards,
    {},
    options.fullText ? (card) => textOf(card).height : undefined,
  );
  const lanes = new Map(parts.lanes.map((l) => [l.id, l]));

  const width = Math.max(layout.width, 640) + 2 * MARGIN;
  const header = headerLayout(parts, options, width - 2 * MARGIN, measure);
  const headerH = header.height;
  const height = headerH + layout.height + 2 * MARGIN;
  const ox = MARGIN;
  const oy = MARGIN + headerH;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(PICTURE_FONT)}">`,
  );
  out.push(`<title>${escapeXml(parts.journey.title)}</title>`);
  out.push('<defs>');
  for (const [kind, s] of Object.entries(EDGE_STYLES)) {
    out.push(
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${s.stroke}"/></marker>`,
    );
  }
  out.push(`<clipPath id="avatar-clip"><circle cx="${header.ax}" cy="${header.ay}" r="26"/></clipPath>`);
  out.push('</defs>');
  if (options.background) out.push(`<rect width="${width}" height="${height}" fill="${options.background}"/>`);

  // Header: title and scenario; the persona beside them, or under them on a narrow picture.
  out.push(textLines(header.title, MARGIN, MARGIN + 26, 26, 700, '#1d2433', TITLE_LINE));
  out.push(textLines(header.scenario, MARGIN, header.scenarioY, 14, 400, '#3b4456', SCENARIO_LINE / 14));
  const persona = parts.persona;
  if (persona) {
    const { ax, ay } = header;
    out.push(`<circle cx="${ax}" cy="${ay}" r="26" fill="${persona.color ?? '#d7dbe3'}"/>`);
    if (persona.avatar && 'image' in persona.avatar) {
      out.push(
        `<image href="${escapeXml(persona.avatar.image)}" x="${ax - 26}" y="${ay - 26}" width="52" height="52" clip-path="url(#avatar-clip)" preserveAspectRatio="xMidYMid slice"/>`,
      );
    } else if (persona.avatar && 'emoji' in persona.avatar) {
      out.push(
        `<text x="${ax}" y="${ay + 10}" font-size="28" text-anchor="middle">${escapeXml(persona.avatar.emoji)}</text>`,
      );
    }
    out.push(textLines(wrapText(persona.name, 260, 16, true, 1, measure), ax + 36, ay - 4, 16, 700, '#1d2433'));
    if (persona.role)
      out.push(textLines(wrapText(persona.role, 260, 13, false, 1, measure), ax + 36, ay + 15, 13, 400, '#5a6478'));
    if (persona.quote) out.push(textLines(header.quote, ax - 26, ay + 46, 12, 400, '#3b4456', QUOTE_LINE / 12));
  }

  // Grid: lane bands with their titles, stage headers, column lines.
  out.push(`<g transform="translate(${ox} ${oy})">`);
  layout.rows.forEach((row, i) => {
    const lane = lanes.get(row.laneId)!;
    out.push(
      `<rect x="0" y="${row.y}" width="${layout.width}" height="${row.height}" fill="${i % 2 ? '#f7f8fb' : '#ffffff'}" stroke="#dde1e8"/>`,
    );
    out.push(
      `<rect x="0" y="${row.y}" width="${GRID.laneHeaderWidth}" height="${row.height}" fill="#eef1f6" stroke="#dde1e8"/>`,
    );
    out.push(`<rect x="0" y="${row.y}" width="6" height="${row.height}" fill="${LANE_COLORS[lane.kind]}"/>`);
    out.push(
      '<g class="lane-title">',
      textLines(
        wrapText(options.laneTitle(lane.kind, lane.title), GRID.laneHeaderWidth - 28, 15, true, 3, measure),
        16,
        row.y + 26,
        15,
        700,
        '#1d2433',
        1.3,
        GRID.laneHeaderWidth - 28,
      ),
      '</g>',
    );
    if (lane.kind === 'emotions') {
      for (const s of SCORES) {
        const y = row.y + GRID.cellPadding + (2 - s) * GRID.emotionStep + GRID.emotionCardHeight / 2;
        out.push(
          `<line x1="${GRID.laneHeaderWidth}" x2="${layout.width}" y1="${y}" y2="${y}" stroke="${s === 0 ? '#c9cfdb' : '#eceff4'}"${s === 0 ? ' stroke-dasharray="6 4"' : ''}/>`,
        );
      }
    }
  });
  layout.columns.forEach((col, i) => {
    out.push(`<line x1="${col.x}" x2="${col.x}" y1="0" y2="${layout.height}" stroke="#dde1e8"/>`);
    out.push(
      `<rect x="${col.x}" y="0" width="${col.width}" height="${GRID.stageHeaderHeight}" fill="#1f3b64" stroke="#3a5a88"/>`,
    );
    out.push(`<circle cx="${col.x + 26}" cy="${GRID.stageHeaderHeight / 2}" r="13" fill="#7fd1ae"/>`);
    out.push(
      `<text x="${col.x + 26}" y="${GRID.stageHeaderHeight / 2 + 5}" font-size="14" font-weight="700" text-anchor="middle" fill="#10243f">${first + i + 1}</text>`,
    );
    out.push(
      textLines(
        wrapText(stages[i]!.name, col.width - 60, 17, true, 1, measure),
        col.x + 48,
        GRID.stageHeaderHeight / 2 + 6,
        17,
        700,
        '#ffffff',
        1.3,
        col.width - 60,
      ),
    );
  });
  out.push(
    `<rect x="0.5" y="0.5" width="${layout.width - 1}" height="${layout.height - 1}" fill="none" stroke="#c9cfdb"/>`,
  );

  // The emotion curve first, under the cards.
  const emotionLane = parts.lanes.find((l) => l.kind === 'emotions');
  const points = emotionPoints(layout, cards, emotionLane?.id ?? null);
  if (points.length > 1)
    out.push(
      `<path class="emotion-curve" d="${smoothPath(points)}" fill="none" stroke="${persona?.color ?? '#c9752b'}" stroke-width="3" stroke-linecap="round" opacity="0.85"/>`,
    );
  // Cards, then connections and their labels above them, as on the map: a line between two
  // neighbouring cards and a label wider than the gap between them stay whole.
  for (const card of cards)
    out.push(cardSvg(card, lanes.get(card.laneId)!.kind, layout.cards[card.id]!, options, measure, () => textOf(card)));
  const routes = new Map(connections.map((x) => [x.id, routeConnection(layout.cards[x.from]!, layout.cards[x.to]!)]));
  const labels = placeLabels(
    connections
      .filter((x) => x.label?.trim())
      .map((x) => ({ id: x.id, route: routes.get(x.id)!, width: measure(x.label!, 12, false) + 12, height: 18 })),
    cards.map((c) => layout.cards[c.id]!),
  );
  for (const x of connections) {
    const s = EDGE_STYLES[x.kind ?? 'flow'];
    out.push(
      `<path class="connection connection--${x.kind ?? 'flow'}" d="${routes.get(x.id)!.d}" fill="none" stroke="${s.stroke}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} marker-end="url(#arrow-${x.kind ?? 'flow'})"/>`,
    );
  }
  for (const x of connections) {
    const at = labels.get(x.id);
    if (!at || !x.label) continue;
    const w = measure(x.label, 12, false) + 12;
    out.push(
      `<g class="connection-label"><rect x="${at.x - w / 2}" y="${at.y - 9}" width="${w}" height="18" rx="4" fill="#ffffff" stroke="${EDGE_STYLES[x.kind ?? 'flow'].stroke}" stroke-width="1"/>`,
    );
    out.push(
      `<text x="${at.x}" y="${at.y + 4}" font-size="12" text-anchor="middle" fill="#1d2433">${escapeXml(x.label)}</text></g>`,
    );
  }
  out.push('</g></svg>');
  return { svg: out.join(''), width, height };
}

/** Card text metrics: title and detail lines (and, with full text, notes), and the height they need. */
const CARD_TEXT = {
  titleSize: 15,
  titleLine: 19.5,
  notesSize: 12,
  notesLine: 16.5,
  detailsSize: 12,
  detailsLine: 15,
  top: 26,
  gap: 8,
  bottom: 14,
} as const;

interface CardText {
  title: string[];
  notes: string[];
  details: string[];
  height: number;
}

function cardText(card: CardRec, kind: LaneKind, options: SvgOptions, measure: Measure): CardText {
  const m = CARD_TEXT;
  const width = GRID.cardWidth - 20;
  const full = options.fullText === true;
  const detailText = options.details(card, kind);
  const details = detailText ? wrapText(detailText, width, m.detailsSize, false, 2, measure) : [];
  // A card of the map's size holds its details under the title: the title gets the lines left.
  const room = GRID.cardHeight - m.top - m.bottom - (details.length ? m.gap + details.length * m.detailsLine : 0);
  const title = wrapText(
    card.title.trim() === '' ? '—' : card.title,
    width,
    m.titleSize,
    true,
    full ? Infinity : Math.min(3, 1 + Math.max(0, Math.floor(room / m.titleLine))),
    measure,
  );
  // Notes keep their paragraphs: each line of the text wraps on its own.
  const notes =
    full && card.notes?.trim()
      ? card.notes
          .split('\n')
          .flatMap((para) => (para.trim() ? wrapText(para, width, m.notesSize, false, Infinity, measure) : ['']))
      : [];
  const height =
    m.top +
    (title.length - 1) * m.titleLine +
    (notes.length ? m.gap + notes.length * m.notesLine : 0) +
    (details.length ? m.gap + details.length * m.detailsLine : 0) +
    m.bottom;
  return { title, notes, details, height };
}

function cardSvg(
  card: CardRec,
  kind: LaneKind,
  box: Box,
  options: SvgOptions,
  measure: Measure,
  text: () => CardText,
): string {
  const out: string[] = [`<g class="card" data-card="${escapeXml(card.id)}"><title>${escapeXml(card.title)}</title>`];
  if (kind === 'emotions') {
    const title = card.title.trim() === '' ? '—' : card.title;
    const details = options.details(card, kind);
    out.push(
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="${box.height / 2}" fill="#fff7ef" stroke="#e0a36b"/>`,
    );
    out.push(
      textLines(
        wrapText(title, box.width - 24, 13, true, 1, measure),
        box.x + 12,
        box.y + 20,
        13,
        700,
        '#1d2433',
        1.3,
        box.width - 24,
      ),
    );
    out.push(
      textLines(wrapText(details, box.width - 24, 11, false, 1, measure), box.x + 12, box.y + 38, 11, 400, '#3b4456'),
    );
  } else {
    const fill = kind === 'painPoints' ? '#fff6f5' : kind === 'opportunities' ? '#f3fbf6' : '#ffffff';
    const m = CARD_TEXT;
    const { title, notes, details } = text();
    out.push(
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${fill}" stroke="#cfd5df"/>`,
    );
    out.push(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="5" rx="2" fill="${LANE_COLORS[kind]}"/>`);
    out.push(
      textLines(
        title,
        box.x + 10,
        box.y + m.top,
        m.titleSize,
        700,
        '#1d2433',
        m.titleLine / m.titleSize,
        box.width - 20,
      ),
    );
    if (notes.length) {
      const top = box.y + m.top + (title.length - 1) * m.titleLine + m.gap + m.notesLine - 4;
      out.push(
        `<g class="card__notes">${textLines(notes, box.x + 10, top, m.notesSize, 400, '#3b4456', m.notesLine / m.notesSize, box.width - 20)}</g>`,
      );
    }
    if (details.length)
      out.push(
        textLines(
          details,
          box.x + 10,
          box.y + box.height - m.bottom - (details.length - 1) * m.detailsLine - 6,
          m.detailsSize,
          400,
          '#3b4456',
          m.detailsLine / m.detailsSize,
        ),
      );
  }
  out.push('</g>');
  return out.join('');
}
