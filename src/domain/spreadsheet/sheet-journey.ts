import { CSV_COLUMNS } from '../csv-columns';
import { LANE_KINDS, LIMITS, type Channel, type LaneKind } from '../types';
import { emotionScore, type ScoreScale } from './emotion-words';

/** A sheet as read: rows of cell text (values only, never formulas). */
export type Sheet = readonly (readonly string[])[];

/** At most this many rows under the header are read as one journey. */
export const MAX_ROWS = 5000;
export const MAX_COLUMNS = 200;

/** What a column of a row-per-step sheet becomes. */
export type ColumnTarget = LaneKind | 'stage' | 'persona' | 'channel' | 'time' | 'ignore';
export const COLUMN_TARGETS: readonly ColumnTarget[] = ['stage', 'persona', ...LANE_KINDS, 'channel', 'time', 'ignore'];

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
  | { code: 'timeWithoutStep'; row: number; text: string };

export type SheetProblem =
  | { code: 'empty' }
  | { code: 'noStageRow' }
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
  const width = Math.max(0, ...rows.map((r) => r.findLastIndex((c) => c.trim() !== '') + 1));
  return rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
}

/** Which layout a sheet has: the app's own CSV, a row per step, or a grid of stages and lanes. */
export function detectLayout(sheet: Sheet, words: Vocabulary): SheetLayout {
  const header = (sheet[0] ?? []).map(norm);
  const own = words.exportHeaders.slice(0, 5).map(norm);
  if (own.every((h, i) => header[i] === h)) return 'cards';
  const targets = header.map((h) => (h ? words.columnTarget(h) : null));
  if (targets.includes('stage') && targets.filter((t) => t && t !== 'stage' && t !== 'ignore').length >= 1)
    return 'steps';
  return 'grid';
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
    const code = words.code('metric', text.split(/[\s:·-]/)[0] ?? '');
    return { fields: { ...titled(text), metric: code ?? 'custom' } };
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
  if (stageCols.length === 0) return { code: 'noStageRow' };
  const b = new JourneyBuilder('x');
  const unplaced: Unplaced[] = [];
  const stageOf = new Map(stageCols.map((c) => [c, b.stage(header[c]!)]));
  // A score column on a 1–5 scale is read as such when any emotion cell says 3 or more.
  const scale = scaleOf(
    rows
      .slice(1)
      .filter((r) => words.laneKind(norm(r[0] ?? '')) === 'emotions')
      .flatMap((r) => r.slice(1)),
  );
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const laneName = row[0]!.trim();
    const filled = row.some((c, i) => i > 0 && c.trim() !== '');
    if (!laneName) {
      if (filled) unplaced.push({ code: 'laneWithoutName', row: r + 1 });
      continue;
    }
    const kind = words.laneKind(norm(laneName));
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
  if (b.lanes.length === 0) b.lane('notes');
  return {
    layout: 'grid',
    document: document([b.journey('j1', name, null)]),
    unplaced: dedupe(unplaced),
    stages: b.stages.length,
    cards: b.cards.length,
  };
}

/** A lane's title, unless it is just the name of its kind. */
function kindTitle(name: string, kind: LaneKind, words: Vocabulary): string | undefined {
  return words.laneKind(norm(name)) === kind ? undefined : name;
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
 * column per lane kind, a persona, a channel and a time; `columns` says what each becomes.
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
  let touchLane = [...laneOf.entries()].find(([c]) => columns[c] === 'touchpoints')?.[1];
  const scale = scaleOf(
    rows.slice(1).flatMap((r) => columns.flatMap((t, c) => (t === 'emotions' ? [r[c] ?? ''] : []))),
  );
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
    const made: Json[] = [];
    let stepCard: Json | undefined;
    let touchCard: Json | undefined;
    for (const [c, laneId] of laneOf) {
      const kind = columns[c] as LaneKind;
      for (const line of lines(row[c] ?? '')) {
        const fields = cardFields(kind, line, words, scale);
        if ('notAScore' in fields) {
          unplaced.push({ code: 'notAScore', row: r + 1, column: c + 1, text: line });
          continue;
        }
        const card = b.card(stageId, laneId, fields.fields);
        made.push(card);
        if (kind === 'actions') stepCard ??= card;
        if (kind === 'touchpoints') touchCard ??= card;
      }
    }
    if (channelCol >= 0 && row[channelCol]!.trim()) {
      for (const line of lines(row[channelCol]!)) {
        const channel = words.channel(line);
        if (!channel) {
          unplaced.push({ code: 'unknownChannel', row: r + 1, column: channelCol + 1, text: line });
          continue;
        }
        // The channel of the row's touchpoint, or a touchpoint of its own.
        if (touchCard && touchCard.channel === undefined) touchCard.channel = channel;
        else {
          touchLane ??= b.lane('touchpoints');
          b.card(stageId, touchLane, { title: line, channel });
        }
      }
    }
    if (timeCol >= 0 && row[timeCol]!.trim()) {
      const time = row[timeCol]!.trim();
      const target = stepCard ?? made[0];
      if (target) target.notes = target.notes ? `${time}\n${String(target.notes)}` : time;
      else unplaced.push({ code: 'timeWithoutStep', row: r + 1, text: time });
    }
  }
  if (b.stages.length === 0) return { code: 'noStageRow' };
  if (b.lanes.length === 0) b.lane('notes');
  const personas = persona
    ? [{ id: 'p1', name: persona.slice(0, LIMITS.nameLength), goals: [], frustrations: [] }]
    : [];
  return {
    layout: 'steps',
    document: document([b.journey('j1', name, persona ? 'p1' : null)], personas),
    unplaced,
    columns: header.map((h, c) => ({ header: h, target: columns[c] ?? 'ignore' })),
    stages: b.stages.length,
    cards: b.cards.length,
  };
}

/** Text this app's CSV neutralised (a leading ' before = + - @) back as it was typed. */
const unneutralise = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

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
    stages: journeys.reduce((n, j) => n + (j.stages as Json[]).length, 0),
    cards,
  };
}

/** Reads a sheet in the layout it has (or the one asked for). */
export function readSheet(
  sheet: Sheet,
  name: string,
  words: Vocabulary,
  columns?: readonly ColumnTarget[],
): SheetPlan | SheetProblem {
  const layout = columns ? 'steps' : detectLayout(sheet, words);
  if (layout === 'cards') return cardsToJourneys(sheet, name, words);
  if (layout === 'steps')
    return stepsToJourney(sheet, name, columns ?? guessColumns(sheet, words).map((c) => c.target), words);
  return gridToJourney(sheet, name, words);
}

export const isProblem = (r: SheetPlan | SheetProblem): r is SheetProblem => !('layout' in r);
