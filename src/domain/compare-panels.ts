import type { Alignment } from './compare';
import { metricStatus, type MetricStatus } from './metrics';
import { cardsByStage, type JourneyParts } from './queries';
import { SEVERITIES, type CardRec, type Channel, type Id, type LaneKind, type Metric, type Severity } from './types';

/**
 * The figures of Compare's panels beside the emotion curves: pain points, metrics, channels and
 * votes per aligned stage and compared journey. Each cell keeps the ids of the cards behind it, so
 * the screen can open them. A cell is null where the journey has no such stage: "none there" and
 * "not a stage of this journey" are different answers.
 */
export type Grid<T> = (T | null)[][];

/** The cards of one kind in each journey's stage of each aligned column. */
function cardsByCell(journeys: readonly JourneyParts[], alignment: Alignment, kind: LaneKind): Grid<CardRec[]> {
  const byStage = journeys.map((parts) => cardsByStage(parts, kind));
  return alignment.stages.map((col) =>
    col.stageIds.map((stageId, j) => (stageId === null ? null : (byStage[j]!.get(stageId) ?? []))),
  );
}

export interface PainCell {
  count: number;
  /** The most severe of them; null when none has a severity. */
  highest: Severity | null;
  cardIds: Id[];
}

const severityRank = (s: Severity | undefined) => (s ? SEVERITIES.indexOf(s) : -1);

export function painHeatmap(journeys: readonly JourneyParts[], alignment: Alignment): Grid<PainCell> {
  return cardsByCell(journeys, alignment, 'painPoints').map((row) =>
    row.map((cards) => {
      if (!cards) return null;
      const top = cards.reduce<Severity | null>(
        (best, c) => (severityRank(c.severity) > severityRank(best ?? undefined) ? c.severity! : best),
        null,
      );
      return { count: cards.length, highest: top, cardIds: cards.map((c) => c.id) };
    }),
  );
}

export interface MetricReading {
  cardId: Id;
  value?: number;
  target?: number;
  unit?: string;
  status: MetricStatus;
}

export interface MetricRow {
  /** The aligned stage's index. */
  stage: number;
  metric: Metric;
  /** A custom measure's name (its card's title); named measures are named by `metric`. */
  name?: string;
  /** Each journey's readings of this measure in this stage (empty: not measured; null: no such stage). */
  cells: (MetricReading[] | null)[];
}

const metricKey = (c: CardRec) => (c.metric === 'custom' ? `custom:${c.title.trim().toLocaleLowerCase()}` : c.metric!);

/** Measures side by side: one row per stage and measure that any compared journey records. */
export function metricRows(journeys: readonly JourneyParts[], alignment: Alignment): MetricRow[] {
  const rows: MetricRow[] = [];
  const states = journeys.map((p) => p.journey.state);
  cardsByCell(journeys, alignment, 'metrics').forEach((row, stage) => {
    const keys: string[] = [];
    const first = new Map<string, CardRec>();
    for (const cards of row)
      for (const c of cards ?? []) {
        if (!c.metric) continue;
        const k = metricKey(c);
        if (!first.has(k)) {
          first.set(k, c);
          keys.push(k);
        }
      }
    for (const k of keys) {
      const sample = first.get(k)!;
      rows.push({
        stage,
        metric: sample.metric!,
        ...(sample.metric === 'custom' ? { name: sample.title.trim() } : {}),
        cells: row.map((cards, j) =>
          cards === null
            ? null
            : cards
                .filter((c) => c.metric && metricKey(c) === k)
                .map((c) => ({
                  cardId: c.id,
                  ...(c.value !== undefined ? { value: c.value } : {}),
                  ...(c.target !== undefined ? { target: c.target } : {}),
                  ...(c.unit ? { unit: c.unit } : {}),
                  status: metricStatus(c, states[j]),
                })),
        ),
      });
    }
  });
  return rows;
}

/** Whether a row's reading misses its target somewhere: only claimed where value and target exist. */
export const missesTarget = (row: MetricRow) => row.cells.some((cell) => cell?.some((r) => r.status === 'notMet'));

export interface ChannelRow {
  stage: number;
  /** null: touchpoints whose channel is not recorded. */
  channel: Channel | null;
  /** Each journey's touchpoint cards on this channel in this stage. */
  cells: (Id[] | null)[];
}

/** Channels used per stage, one row per stage and channel that any compared journey uses there. */
export function channelRows(journeys: readonly JourneyParts[], alignment: Alignment): ChannelRow[] {
  const rows: ChannelRow[] = [];
  cardsByCell(journeys, alignment, 'touchpoints').forEach((row, stage) => {
    const channels: (Channel | null)[] = [];
    for (const cards of row)
      for (const c of cards ?? []) {
        const ch = c.channel ?? null;
        if (!channels.includes(ch)) channels.push(ch);
      }
    // Recorded channels first, in the order they are met; unrecorded ones last.
    channels.sort((a, b) => Number(a === null) - Number(b === null));
    for (const channel of channels)
      rows.push({
        stage,
        channel,
        cells: row.map((cards) =>
          cards === null ? null : cards.filter((c) => (c.channel ?? null) === channel).map((c) => c.id),
        ),
      });
  });
  return rows;
}

export interface VoteCell {
  votes: number;
  cardIds: Id[];
}

export interface VoteGrid {
  /** Per journey: whether a vote was run (some opportunity carries a vote count, 0 included). */
  ran: boolean[];
  cells: Grid<VoteCell>;
}

/** Votes on opportunities per stage, for the journeys where a vote was run. */
export function votesPerStage(journeys: readonly JourneyParts[], alignment: Alignment): VoteGrid {
  const grid = cardsByCell(journeys, alignment, 'opportunities');
  const ran = journeys.map((_, j) => grid.some((row) => row[j]?.some((c) => c.votes !== undefined) ?? false));
  return {
    ran,
    cells: grid.map((row) =>
      row.map((cards, j) => {
        if (!cards || !ran[j]) return null;
        const voted = cards.filter((c) => (c.votes ?? 0) > 0);
        return { votes: voted.reduce((n, c) => n + c.votes!, 0), cardIds: voted.map((c) => c.id) };
      }),
    ),
  };
}

/** The aligned stages (indexes) where no compared journey has any of a panel's cards. */
export function emptyStages(stageCount: number, used: Iterable<number>): number[] {
  const seen = new Set(used);
  return Array.from({ length: stageCount }, (_, i) => i).filter((i) => !seen.has(i));
}

/** The stages a grid has something in. */
export const stagesIn = <T>(grid: Grid<T>, has: (cell: T) => boolean) =>
  grid.flatMap((row, i) => (row.some((c) => c !== null && has(c)) ? [i] : []));
