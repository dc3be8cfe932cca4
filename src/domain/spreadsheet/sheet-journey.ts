import { CSV_COLUMNS, FORMULA_START } from '../csv-columns';
import { LANE_KINDS, LIMITS, type Channel, type LaneKind } from '../types';
import { emotionScore, type ScoreScale } from './emotion-words';
import { metricCell } from './metric-cell';
import { headerScale, type ColumnTarget } from './sheet-words';

export { COLUMN_TARGETS, type ColumnTarget } from './sheet-words';

/** A sheet as read: rows of cell text (values only, never formulas). */
export type Sheet = readonly (readonly string[])[];

/** At most this many rows under the header are read as one journey. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 200;

/**
 * A spreadsheet file larger than this is refused before it is read. A journey of 5,000 rows is a
 * few megabytes; a larger text is not a journey table, and parsing it would hold the page.
 */
export const MAX_SHEET_BYTES = 20 * 1024 * 1024;

export type SheetLayout = 'grid' | 'steps' | 'cards';

/** Words the importer reads, in the app's languages (names of lane kinds, channels, codes). */
export interface Vocabulary {
  laneKind: (name: string) => LaneKind | null;
  channel: (name: string) => Channel | null;
  /** A coded value of the app's own CSV ("High" → "high"), or null. */
  code: (field: CodedField, word: string) => string | null;
  /** The app's CSV headers in order (journey, stage, lane, kind, title, notes, …). */
  exportHeaders: readonly string[];
  /** A row-per-step column's header → what it becomes, or null when unknown. */
  columnTarget: (header: string) => ColumnTarget | null;
}

export type CodedField = 'evidence' | 'channel' | 'severity' | 'status' | 'metric';

/** Something the importer could not place, said with its place in the sheet. */
export type Unplaced =
  | { code: 'laneWithoutName'; row: number }
  | { code: 'stageWithoutName'; column: number }
  | { code: 'rowWithoutStage'; row: number }
  | { code: 'ignoredColumn'; column: number; header: string }
  | { code: 'notAScore'; row: number; column: number; text: string }
  | { code: 'unknownChannel'; row: number; column: number; text: string }
  | { code: 'channelWithoutTouchpoint'; row: number; column: number; text: string }
  | { code: 'ownerWithoutOpportunity'; row: number; text: string }
  | { code: 'timeWithoutStep'; row: number; text: string };

/** Cells merged in a workbook: their last row, from 0, and `ref` as the workbook says it ("B1:C1"). */
export interface MergedCells {
  bottom: number;
  ref: string;
}

export type SheetProblem =
  | { code: 'empty' }
  | { code: 'noStageRow'; row: number }
  | { code: 'merged'; detail: string }
  | { code: 'noStageColumn' }
  | { code: 'tooManyRows'; rows: number; max: number }
  | { code: 'tooManyColumns'; columns: number; max: number };

type Json = Record<string, unknown>;

export interface SheetPlan {
  layout: SheetLayout;
  /** A document in the journey file format, to be checked and imported like a file. */
  document: Json;
  unplaced: Unplaced[];
  /** Row-per-step: each column's header and what it becomes. */
  columns?: { header: string; target: ColumnTarget }[];
  /** The row (from 0) read as the header: the stages, or the columns' names. */
  headerRow: number;
  stages: number;
  cards: number;
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
const lines = (cell: string) =>
  cell
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The sheet without its wholly empty trailing rows and columns. */
function trimmed(sheet: Sheet): string[][] {
  const rows = sheet.map((r) => r.map((c) => c ?? ''));
  while (rows.length && rows[rows.length - 1]!.every((c) => c.trim() === '')) rows.pop();
  // A loop, not Math.max(...rows): a sheet of a million rows would overflow the call stack.
  let width = 0;
  for (const r of rows) width = Math.max(width, r.findLastIndex((c) => c.trim() !== '') + 1);
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Which layout a sheet has: the app's own CSV, a row per step, or a grid of stages and lanes. */
export function detectLayout(sheet: Sheet, words: Vocabulary): SheetLayout {
  return layoutOfHeader(sheet[0] ?? [], words);
}

function layoutOfHeader(row: readonly string[], words: Vocabulary): SheetLayout {
  const header = row.map(norm);
  const own = words.exportHeaders.slice(0, 5).map(norm);
  if (own.every((h, i) => header[i] === h)) return 'cards';
  const targets = header.map((h) => (h ? words.columnTarget(h) : null));
  if (targets.includes('stage') && targets.filter((t) => t && t !== 'stage' && t !== 'ignore').length >= 1)
    return 'steps';
  return 'grid';
}

/** How far down a sheet its header is looked for (and offered to choose from). */
export const HEADER_SEARCH_ROWS = 30;

/**
 * The row (from 0) that heads the sheet, below any title and blank rows. A title is one cell
 * alone, so the header is the first row of column names (the app's CSV, a row per step), else a
 * grid's row of stages: its first cell empty or saying "Stage" and two or more cells filled, or a
 * single stage with a lane's name under it; else the first row of two cells or more.
 */
export function detectHeaderRow(sheet: Sheet, words: Vocabulary): number {
  const rows = sheet.slice(0, HEADER_SEARCH_ROWS);
  const filled = (r: readonly string[]) => r.filter((c) => (c ?? '').trim() !== '').length;
  const at = rows.findIndex((r) => filled(r) >= 2 && layoutOfHeader(r, words) !== 'grid');
  if (at >= 0) return at;
  const namesStages = (r: readonly string[]) => r.some((c, i) => i > 0 && (c ?? '').trim() !== '');
  const corner = (r: readonly string[]) => !(r[0] ?? '').trim() || words.columnTarget(r[0]!) === 'stage';
  const nextFilled = (i: number) => rows.slice(i + 1).find((r) => filled(r) > 0);
  const grid = rows.findIndex((r) => corner(r) && namesStages(r) && filled(r) >= 2);
  if (grid >= 0) return grid;
  const single = rows.findIndex((r, i) => corner(r) && namesStages(r) && (nextFilled(i)?.[0] ?? '').trim() !== '');
  if (single >= 0) return single;
  const wide = rows.findIndex((r) => filled(r) >= 2);
  return Math.max(0, wide);
}

/** The columns of a row-per-step sheet with what each is guessed to become. */
export function guessColumns(sheet: Sheet, words: Vocabulary): { header: string; target: ColumnTarget }[] {
  const seen = new Set<ColumnTarget>();
  return (sheet[0] ?? []).map((header) => {
    let target = header.trim() ? (words.columnTarget(norm(header)) ?? 'ignore') : 'ignore';
    // One stage and one persona column: a second one is left for the user to choose.
    if ((target === 'stage' || target === 'persona') && seen.has(target)) target = 'ignore';
    seen.add(target);
    return { header, target };
  });
}

/** A card's title of at most the format's length; what is longer is kept whole in its notes. */
function titled(text: string): Json {
  const chars = Array.from(text);
  if (chars.length <= LIMITS.cardTitleLength) return { title: text };
  return { title: chars.slice(0, LIMITS.cardTitleLength - 1).join('') + '…', notes: text };
}

/** A journey under construction: stages and lanes by name, cards in order. */
class JourneyBuilder {
  readonly stages: Json[] = [];
  readonly lanes: Json[] = [];
  readonly cards: Json[] = [];
  private readonly stageIds = new Map<string, string>();
  private readonly laneIds = new Map<string, string>();

  constructor(private readonly prefix: string) {}

  stage(name: string): string {
    const key = norm(name);
    let id = this.stageIds.get(key);
    if (!id) {
      id = `${this.prefix}s${this.stages.length + 1}`;
      this.stageIds.set(key, id);
      this.stages.push({ id, name: name.trim() });
    }
    return id;
  }

  lane(kind: LaneKind, title?: string): string {
    const key = `${kind}\u0000${title ? norm(title) : ''}`;
    let id = this.laneIds.get(key);
    if (!id) {
      id = `${this.prefix}l${this.lanes.length + 1}`;
      this.laneIds.set(key, id);
      this.lanes.push(title ? { id, kind, title: title.trim() } : { id, kind });
    }
    return id;
  }

  /**
   * Puts the lanes in the order every chain agrees on (a chain: the lanes of one stage, top to
   * bottom), ties broken by first appearance: a topological sort.
   */
  orderLanes(chains: readonly (readonly string[])[]): void {
    const after = new Map<string, Set<string>>(this.lanes.map((l) => [l.id as string, new Set()]));
    const before = new Map<string, number>(this.lanes.map((l) => [l.id as string, 0]));
    for (const chain of chains)
      for (let i = 1; i < chain.length; i++) {
        const set = after.get(chain[i - 1]!)!;
        if (!set.has(chain[i]!)) {
          set.add(chain[i]!);
          before.set(chain[i]!, before.get(chain[i]!)! + 1);
        }
      }
    const rank = new Map(this.lanes.map((l, i) => [l.id as string, i]));
    const ready = this.lanes.filter((l) => before.get(l.id as string) === 0).map((l) => l.id as string);
    const order: string[] = [];
    while (ready.length > 0) {
      ready.sort((a, b) => rank.get(a)! - rank.get(b)!);
      const id = ready.shift()!;
      order.push(id);
      for (const next of after.get(id)!) {
        before.set(next, before.get(next)! - 1);
        if (before.get(next) === 0) ready.push(next);
      }
    }
    // A cycle (rows not in lane order) leaves the rest in first-seen order.
    for (const l of this.lanes) if (!order.includes(l.id as string)) order.push(l.id as string);
    const byId = new Map(this.lanes.map((l) => [l.id as string, l]));
    this.lanes.splice(0, this.lanes.length, ...order.map((id) => byId.get(id)!));
  }

  card(stageId: string, laneId: string, fields: Json): Json {
    const card = { id: `${this.prefix}c${this.cards.length + 1}`, stageId, laneId, ...fields };
    this.cards.push(card);
    return card;
  }

  journey(id: string, title: string, personaId: string | null): Json {
    return {
      id,
      title,
      personaId,
      stages: this.stages,
      lanes: this.lanes,
      cards: this.cards,
      connections: [],
    };
  }
}

function checkSize(rows: string[][]): SheetProblem | null {
  if (rows.length === 0 || rows.every((r) => r.every((c) => c.trim() === ''))) return { code: 'empty' };
  if (rows.length - 1 > MAX_ROWS) return { code: 'tooManyRows', rows: rows.length - 1, max: MAX_ROWS };
  const width = rows[0]!.length;
  if (width > MAX_COLUMNS) return { code: 'tooManyColumns', columns: width, max: MAX_COLUMNS };
  return null;
}

const document = (journeys: Json[], personas: Json[] = []): Json => ({
  format: 'journey-canvas',
  version: 1,
  personas,
  journeys,
});

/** Fields of a card in a lane of this kind, from one line of text (an emotion needs a score). */
function cardFields(
  kind: LaneKind,
  text: string,
  words: Vocabulary,
  scale: ScoreScale,
): { fields: Json } | { notAScore: true } {
  if (kind === 'emotions') {
    const read = emotionScore(text, scale);
    if (!read) return { notAScore: true };
    return { fields: { ...titled(read.title), score: read.score } };
  }
  if (kind === 'metrics') {
    const { name, ...measured } = metricCell(text);
    const code = words.code('metric', name) ?? words.code('metric', name.split(/[\s:·-]/)[0] ?? '');
    return { fields: { ...titled(name), metric: code ?? 'custom', ...measured } };
  }
  if (kind === 'touchpoints') {
    const channel = words.channel(text);
    return { fields: channel ? { ...titled(text), channel } : titled(text) };
  }
  return { fields: titled(text) };
}

/**
 * A grid as teams draw it: the first row names the stages, the first column the lanes (matched
 * to lane kinds by name, else Notes), and each line of a cell is a card.
 */
export function gridToJourney(sheet: Sheet, name: string, words: Vocabulary): SheetPlan | SheetProblem {
  const rows = trimmed(sheet);
  const size = checkSize(rows);
  if (size) return size;
  const header = rows[0]!;
  const stageCols = header.map((h, c) => (c > 0 && h.trim() ? c : -1)).filter((c) => c > 0);
  if (stageCols.length === 0) return { code: 'noStageRow', row: 1 };
  const b = new JourneyBuilder('x');
  const unplaced: Unplaced[] = [];
  const stageOf = new Map(stageCols.map((c) => [c, b.stage(header[c]!)]));
  const emotionRows = rows.slice(1).filter((r) => words.laneKind(r[0] ?? '') === 'emotions');
  // A lane named "Emotion (1-5)" says its scale; else the numbers in it tell.
  const scale =
    emotionRows.map((r) => headerScale(r[0]!)).find((s) => s !== null) ??
    scaleOf(emotionRows.flatMap((r) => r.slice(1)));
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const laneName = row[0]!.trim();
    const filled = row.some((c, i) => i > 0 && c.trim() !== '');
    if (!laneName) {
      if (filled) unplaced.push({ code: 'laneWithoutName', row: r + 1 });
      continue;
    }
    const kind = words.laneKind(laneName);
    const laneId = kind ? b.lane(kind, kindTitle(laneName, kind, words)) : b.lane('notes', laneName);
    for (let c = 1; c < row.length; c++) {
      const cell = row[c]!;
      if (!cell.trim()) continue;
      const stageId = stageOf.get(c);
      if (!stageId) {
        unplaced.push({ code: 'stageWithoutName', column: c + 1 });
        continue;
      }
      for (const line of lines(cell)) {
        const made = cardFields(kind ?? 'notes', line, words, scale);
        if ('notAScore' in made) unplaced.push({ code: 'notAScore', row: r + 1, column: c + 1, text: line });
        else b.card(stageId, laneId, made.fields);
      }
    }
  }
  for (const [c, stageId] of stageOf) {
    const inStage = b.cards.filter((card) => card.stageId === stageId);
    nameEmotions(inStage, kindOfLane(b), header[c]!);
  }
  if (b.lanes.length === 0) b.lane('notes');
  return {
    layout: 'grid',
    document: document([b.journey('j1', name, null)]),
    unplaced: dedupe(unplaced),
    headerRow: 0,
    stages: b.stages.length,
    cards: b.cards.length,
  };
}

/** Each card's lane kind, by the lanes the builder made. */
function kindOfLane(b: JourneyBuilder): (card: Json) => LaneKind {
  const kinds = new Map(b.lanes.map((l) => [l.id, l.kind as LaneKind]));
  return (card) => kinds.get(card.laneId) ?? 'notes';
}

/**
 * An emotion written as a bare number takes what the customer thinks or does there as its
 * title (the curve's point says why), else the first other card's, else the stage's name.
 */
function nameEmotions(cards: readonly Json[], kindOf: (card: Json) => LaneKind, fallback: string): void {
  const said =
    cards.find((c) => kindOf(c) === 'thoughts' && c.title) ??
    cards.find((c) => kindOf(c) === 'actions' && c.title) ??
    cards.find((c) => kindOf(c) !== 'emotions' && c.title);
  const title = titled(said ? String(said.title) : fallback.trim()).title;
  for (const c of cards) if (kindOf(c) === 'emotions' && !c.title) c.title = title;
}

/** A lane's title, unless it is just the name of its kind. */
function kindTitle(name: string, kind: LaneKind, words: Vocabulary): string | undefined {
  return words.laneKind(name) === kind ? undefined : name;
}

/** The scale of the numbers in an emotion column: −2…+2, or 1…5 when any says 3 or more. */
function scaleOf(cells: readonly string[]): ScoreScale {
  const numbers = cells
    .flatMap(lines)
    .map(Number)
    .filter((n) => Number.isFinite(n));
  return numbers.length > 0 && numbers.every((n) => n >= 1 && n <= 5) && numbers.some((n) => n >= 3)
    ? 'oneToFive'
    : 'plusMinusTwo';
}

/** A column said once, not once per row. */
function dedupe(list: Unplaced[]): Unplaced[] {
  const seen = new Set<string>();
  return list.filter((u) => {
    const key = u.code === 'stageWithoutName' ? `${u.code}:${u.column}` : JSON.stringify(u);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * One row per step, as in CX guides: a stage column (a blank stage continues the one above), a
 * column per lane kind, a persona, a channel, a time and an opportunity's owner; `columns` says
 * what each becomes.
 */
export function stepsToJourney(
  sheet: Sheet,
  name: string,
  columns: readonly ColumnTarget[],
  words: Vocabulary,
): SheetPlan | SheetProblem {
  const rows = trimmed(sheet);
  const size = checkSize(rows);
  if (size) return size;
  const stageCol = columns.indexOf('stage');
  if (stageCol < 0) return { code: 'noStageColumn' };
  const b = new JourneyBuilder('x');
  const unplaced: Unplaced[] = [];
  const header = rows[0]!;
  columns.forEach((t, c) => {
    if (t === 'ignore' && header[c]?.trim() && rows.slice(1).some((r) => r[c]?.trim()))
      unplaced.push({ code: 'ignoredColumn', column: c + 1, header: header[c]! });
  });
  const laneOf = new Map<number, string>();
  columns.forEach((t, c) => {
    if ((LANE_KINDS as readonly string[]).includes(t))
      laneOf.set(c, b.lane(t as LaneKind, kindTitle(header[c]!, t as LaneKind, words)));
  });
  const channelCol = columns.indexOf('channel');
  const timeCol = columns.indexOf('time');
  const personaCol = columns.indexOf('persona');
  const ownerCol = columns.indexOf('owner');
  let touchLane = [...laneOf.entries()].find(([c]) => columns[c] === 'touchpoints')?.[1];
  const emotionCols = columns.flatMap((t, c) => (t === 'emotions' ? [c] : []));
  // A header such as "Emotion (1-5)" says its scale; else the numbers in the column tell.
  const scale =
    emotionCols.map((c) => headerScale(header[c] ?? '')).find((s) => s !== null) ??
    scaleOf(rows.slice(1).flatMap((r) => emotionCols.map((c) => r[c] ?? '')));
  let persona = '';
  let stage = '';
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.every((c) => !c.trim())) continue;
    if (row[stageCol]!.trim()) stage = row[stageCol]!.trim();
    if (!stage) {
      unplaced.push({ code: 'rowWithoutStage', row: r + 1 });
      continue;
    }
    if (personaCol >= 0 && !persona && row[personaCol]!.trim()) persona = row[personaCol]!.trim();
    const stageId = b.stage(stage);
    const made: { kind: LaneKind; card: Json }[] = [];
    for (const [c, laneId] of laneOf) {
      const kind = columns[c] as LaneKind;
      for (const line of lines(row[c] ?? '')) {
        const fields = cardFields(kind, line, words, scale);
        if ('notAScore' in fields) unplaced.push({ code: 'notAScore', row: r + 1, column: c + 1, text: line });
        else made.push({ kind, card: b.card(stageId, laneId, fields.fields) });
      }
    }
    const ofKind = (k: LaneKind) => made.filter((m) => m.kind === k).map((m) => m.card);
    if (channelCol >= 0) {
      const touch = ofKind('touchpoints');
      const loose = setChannels(touch, lines(row[channelCol]!), words, (text) =>
        unplaced.push({ code: 'unknownChannel', row: r + 1, column: channelCol + 1, text }),
      );
      for (const { text, channel } of loose)
        if (touch.length > 0)
          unplaced.push({ code: 'channelWithoutTouchpoint', row: r + 1, column: channelCol + 1, text });
        else {
          // A step with a channel and no touchpoint: the channel is where it happens.
          touchLane ??= b.lane('touchpoints');
          made.push({ kind: 'touchpoints', card: b.card(stageId, touchLane, { title: text, channel }) });
        }
    }
    if (ownerCol >= 0 && row[ownerCol]!.trim()) {
      const owners = lines(row[ownerCol]!);
      const ideas = ofKind('opportunities');
      if (ideas.length === 0) unplaced.push({ code: 'ownerWithoutOpportunity', row: r + 1, text: owners.join(', ') });
      // One owner per opportunity when the lines pair up, else all of them own each one.
      ideas.forEach((idea, i) => {
        const owner = owners.length === ideas.length ? owners[i]! : owners.join(', ');
        idea.owner = Array.from(owner).slice(0, LIMITS.ownerLength).join('');
      });
    }
    if (timeCol >= 0 && row[timeCol]!.trim()) {
      const time = row[timeCol]!.trim();
      const target = ofKind('actions')[0] ?? made[0]?.card;
      if (target) target.notes = target.notes ? `${time}\n${String(target.notes)}` : time;
      else unplaced.push({ code: 'timeWithoutStep', row: r + 1, text: time });
    }
    const kinds = new Map(made.map((m) => [m.card, m.kind]));
    nameEmotions(
      made.map((m) => m.card),
      (card) => kinds.get(card) ?? 'notes',
      stage,
    );
  }
  if (b.stages.length === 0) return { code: 'noStageRow', row: 1 };
  if (b.lanes.length === 0) b.lane('notes');
  const personas = persona
    ? [{ id: 'p1', name: persona.slice(0, LIMITS.nameLength), goals: [], frustrations: [] }]
    : [];
  return {
    layout: 'steps',
    document: document([b.journey('j1', name, persona ? 'p1' : null)], personas),
    unplaced,
    columns: header.map((h, c) => ({ header: h, target: columns[c] ?? 'ignore' })),
    headerRow: 0,
    stages: b.stages.length,
    cards: b.cards.length,
  };
}

/**
 * A step's channels go to its touchpoint cards, in order (one channel goes to all of them): the
 * column says the channel, so it wins over one guessed from a card's title. What is left over
 * is returned.
 */
function setChannels(
  touch: readonly Json[],
  channelLines: readonly string[],
  words: Vocabulary,
  unknown: (text: string) => void,
): { text: string; channel: Channel }[] {
  const known: { text: string; channel: Channel }[] = [];
  for (const text of channelLines) {
    const channel = words.channel(text);
    if (channel) known.push({ text, channel });
    else unknown(text);
  }
  if (touch.length === 0) return known;
  if (known.length === 1) {
    for (const card of touch) card.channel = known[0]!.channel;
    return [];
  }
  known.slice(0, touch.length).forEach((k, i) => (touch[i]!.channel = k.channel));
  return known.slice(touch.length);
}

/** Text this app's CSV neutralised (a leading ' before = + - @) back as it was typed. */
const unneutralise = (s: string) => (s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s);

const NUMBER_FIELDS = ['score', 'impact', 'effort', 'votes', 'value', 'target'] as const;
const CSV_FIELDS = CSV_COLUMNS;

/** The CSV this app exports (a row per card), back into its journeys. */
export function cardsToJourneys(sheet: Sheet, name: string, words: Vocabulary): SheetPlan | SheetProblem {
  const rows = trimmed(sheet);
  const size = checkSize(rows);
  if (size) return size;
  const at = new Map(CSV_FIELDS.map((f, i) => [f, i]));
  const byJourney = new Map<string, JourneyBuilder>();
  let cards = 0;
  // Rows go stage by stage, lane by lane: each stage's lanes, top to bottom, say the lanes' order.
  const chains = new Map<JourneyBuilder, Map<string, string[]>>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const cell = (f: (typeof CSV_FIELDS)[number]) => unneutralise(row[at.get(f)!] ?? '');
    if (row.every((c) => !c.trim())) continue;
    const title = cell('journey').trim() || name;
    let b = byJourney.get(title);
    if (!b) byJourney.set(title, (b = new JourneyBuilder(`j${byJourney.size + 1}`)));
    const kind = words.laneKind(norm(cell('kind'))) ?? 'notes';
    const laneName = cell('lane');
    const stageId = b.stage(cell('stage') || '—');
    const laneId = b.lane(kind, laneName && words.laneKind(norm(laneName)) !== kind ? laneName : undefined);
    const stageChains = chains.get(b) ?? chains.set(b, new Map()).get(b)!;
    const chain = stageChains.get(stageId) ?? stageChains.set(stageId, []).get(stageId)!;
    if (chain.at(-1) !== laneId) chain.push(laneId);
    const fields: Json = { title: cell('title') };
    if (cell('notes')) fields.notes = cell('notes');
    for (const f of ['owner', 'unit'] as const) if (cell(f)) fields[f] = cell(f);
    for (const f of NUMBER_FIELDS) {
      const v = cell(f).trim();
      if (v !== '' && Number.isFinite(Number(v))) fields[f] = Number(v);
    }
    for (const f of ['evidence', 'channel', 'severity', 'status', 'metric'] as const) {
      const v = cell(f).trim();
      if (v) fields[f] = words.code(f, v) ?? v;
    }
    if (kind === 'emotions' && fields.score === undefined) fields.score = 0;
    if (kind === 'metrics' && fields.metric === undefined) fields.metric = 'custom';
    b.card(stageId, laneId, fields);
    cards += 1;
  }
  for (const [b, stageChains] of chains) b.orderLanes([...stageChains.values()]);
  const journeys = [...byJourney.entries()].map(([title, b], i) => b.journey(`j${i + 1}`, title, null));
  if (journeys.length === 0) return { code: 'empty' };
  return {
    layout: 'cards',
    document: document(journeys),
    unplaced: [],
    headerRow: 0,
    stages: journeys.reduce((n, j) => n + (j.stages as Json[]).length, 0),
    cards,
  };
}

export interface ReadOptions {
  /** What each column becomes (a row-per-step sheet), as the user chose. */
  columns?: readonly ColumnTarget[];
  /** The header's row (from 0), as the user chose; else it is found. */
  headerRow?: number;
  /** The workbook's merged cells: refused in the table, allowed in a title above it. */
  merges?: readonly MergedCells[];
}

/** Row numbers of the table below its header, as the sheet numbers them. */
function shifted(list: readonly Unplaced[], by: number): Unplaced[] {
  return list.map((u) => ('row' in u ? { ...u, row: u.row + by } : u));
}

/** Reads a sheet in the layout it has (or the one asked for), from its header row down. */
export function readSheet(
  sheet: Sheet,
  name: string,
  words: Vocabulary,
  options: ReadOptions = {},
): SheetPlan | SheetProblem {
  const headerRow = options.headerRow ?? detectHeaderRow(sheet, words);
  // A merged title above the table is harmless; merged cells in it make their text's place a guess.
  const merged = (options.merges ?? []).filter((m) => m.bottom >= headerRow);
  if (merged.length > 0)
    return {
      code: 'merged',
      detail: merged
        .slice(0, 5)
        .map((m) => m.ref)
        .join(', '),
    };
  const table = sheet.slice(headerRow);
  const { columns } = options;
  const layout = columns ? 'steps' : detectLayout(table, words);
  const result =
    layout === 'cards'
      ? cardsToJourneys(table, name, words)
      : layout === 'steps'
        ? stepsToJourney(table, name, columns ?? guessColumns(table, words).map((c) => c.target), words)
        : gridToJourney(table, name, words);
  if (isProblem(result)) return result.code === 'noStageRow' ? { code: 'noStageRow', row: headerRow + 1 } : result;
  return { ...result, headerRow, unplaced: shifted(result.unplaced, headerRow) };
}

export const isProblem = (r: SheetPlan | SheetProblem): r is SheetProblem => !('layout' in r);
