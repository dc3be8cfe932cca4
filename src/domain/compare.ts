import type { JourneyParts } from './queries';
import type { CardRec, Id, JourneyState } from './types';

/** A column of the comparison: the stages of each journey that share a name (or a position). */
export interface AlignedStage {
  /** The name shown (the first journey's spelling). */
  name: string;
  /** For each compared journey, its stage in this column, or null when it has none. */
  stageIds: (Id | null)[];
  /**
   * Whether at least two journeys have this very stage (by name): only there may the app claim
   * that they differ. Stages lined up by position are never shared.
   */
  shared: boolean;
}

export interface Alignment {
  stages: AlignedStage[];
  /** True when no stage name is shared, so stages were lined up by position instead. */
  byPosition: boolean;
}

const key = (name: string) => name.trim().toLocaleLowerCase();

/**
 * Lines up the stages of several journeys by name, ignoring case and surrounding spaces. Stages
 * that match nothing keep their place: the result follows the first journey's order, and each
 * further journey's unmatched stages are inserted after the stage they follow. When no name is
 * shared at all, stages are lined up by position.
 */
export function alignStages(journeys: readonly Pick<JourneyParts, 'stages'>[]): Alignment {
  const n = journeys.length;
  const keysPerJourney = journeys.map((j) => new Set(j.stages.map((s) => key(s.name))));
  const shared =
    journeys.length > 1 &&
    [...(keysPerJourney[0] ?? [])].some((k) => keysPerJourney.slice(1).some((set) => set.has(k)));
  if (!shared) {
    const longest = Math.max(0, ...journeys.map((j) => j.stages.length));
    const stages = Array.from({ length: longest }, (_, i) => ({
      // Each journey's own name at this position: none of them is the others' stage.
      name: [...new Set(journeys.map((j) => j.stages[i]?.name.trim()).filter((s): s is string => !!s))].join(' / '),
      stageIds: journeys.map((j) => j.stages[i]?.id ?? null),
      shared: false,
    }));
    return { stages, byPosition: journeys.length > 1 };
  }
  const columns: { key: string; name: string; stageIds: (Id | null)[] }[] = [];
  journeys.forEach((journey, ji) => {
    let lastIndex = -1;
    for (const stage of journey.stages) {
      const k = key(stage.name);
      // The same name twice in one journey: the second gets its own column.
      const existing = columns.findIndex((c, ci) => ci > lastIndex && c.key === k && c.stageIds[ji] === null);
      if (existing >= 0) {
        columns[existing]!.stageIds[ji] = stage.id;
        lastIndex = existing;
      } else {
        const column = { key: k, name: stage.name.trim(), stageIds: Array<Id | null>(n).fill(null) };
        column.stageIds[ji] = stage.id;
        columns.splice(lastIndex + 1, 0, column);
        lastIndex += 1;
      }
    }
  });
  return {
    stages: columns.map(({ name, stageIds }) => ({
      name,
      stageIds,
      shared: stageIds.filter((id) => id !== null).length >= 2,
    })),
    byPosition: false,
  };
}

export interface StageScores {
  name: string;
  /** Each journey's average emotion score in this stage, or null without emotion cards there. */
  averages: (number | null)[];
  /** Highest minus lowest average, over the journeys that have one (null with fewer than two). */
  gap: number | null;
  /** The lowest average of the stage: where someone is worst off. */
  lowest: number | null;
  /** The one journey (its index) that has this stage, when only one has it. */
  onlyIn: number | null;
}

function emotionCards(parts: JourneyParts): CardRec[] {
  const lane = parts.lanes.find((l) => l.kind === 'emotions');
  return lane ? parts.cards.filter((c) => c.laneId === lane.id && c.score !== undefined) : [];
}

export function stageScores(journeys: readonly JourneyParts[], alignment: Alignment): StageScores[] {
  const emotions = journeys.map(emotionCards);
  return alignment.stages.map((col) => {
    const averages = col.stageIds.map((stageId, ji) => {
      if (!stageId) return null;
      const scores = emotions[ji]!.filter((c) => c.stageId === stageId).map((c) => c.score!);
      return scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
    });
    const present = averages.filter((a): a is number => a !== null);
    const having = col.stageIds.flatMap((id, ji) => (id === null ? [] : [ji]));
    return {
      name: col.name,
      averages,
      gap: col.shared && present.length >= 2 ? Math.max(...present) - Math.min(...present) : null,
      lowest: present.length ? Math.min(...present) : null,
      onlyIn: !alignment.byPosition && having.length === 1 ? having[0]! : null,
    };
  });
}

/**
 * Stage indexes from most to least divergent: the larger gap first; between equal gaps, the stage
 * where the lowest score is lower (someone is worse off there); then the earlier stage. Stages
 * without a gap are left out.
 */
export function divergenceRanking(scores: readonly StageScores[]): number[] {
  return scores
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.gap !== null)
    .sort((a, b) => b.s.gap! - a.s.gap! || a.s.lowest! - b.s.lowest! || a.i - b.i)
    .map(({ i }) => i);
}

/** The stages where the personas diverge most: every stage that ties with the top one. */
export function mostDivergent(scores: readonly StageScores[]): number[] {
  const ranking = divergenceRanking(scores);
  const top = ranking[0];
  if (top === undefined || scores[top]!.gap === 0) return [];
  const t = scores[top]!;
  return ranking.filter((i) => scores[i]!.gap === t.gap && scores[i]!.lowest === t.lowest);
}

/** Curve colours for journeys whose persona has none, or one an earlier journey already shows. */
export const CURVE_PALETTE = ['#2e86ab', '#a23b72', '#f18f01', '#3b8b5a', '#6c5ce7'] as const;

/**
 * One colour per compared journey: the persona's own colour where no earlier journey claimed it,
 * else the first palette colour nobody shows, so two curves never share a colour while the
 * palette lasts.
 */
export function curveColors(own: readonly (string | undefined)[]): string[] {
  const key = (c: string) => c.toLowerCase();
  const claimed = new Set<string>();
  const colors = own.map((c) => {
    if (!c || claimed.has(key(c))) return undefined;
    claimed.add(key(c));
    return c;
  });
  return colors.map((c, i) => {
    if (c) return c;
    const free = CURVE_PALETTE.find((p) => !claimed.has(key(p))) ?? CURVE_PALETTE[i % CURVE_PALETTE.length]!;
    claimed.add(key(free));
    return free;
  });
}

/**
 * What names each compared journey in the legend and tables: its persona (else its title). Two
 * that would read the same (a current state and its future state, or one persona's two journeys)
 * are told apart by their state where it differs, else by their title.
 */
export function seriesLabels(
  journeys: readonly Pick<JourneyParts, 'journey' | 'persona'>[],
  stateName: (state: JourneyState) => string,
): string[] {
  const base = journeys.map((p) => p.persona?.name ?? p.journey.title);
  return journeys.map((p, i) => {
    const same = journeys.filter((_, j) => base[j] === base[i]);
    if (same.length < 2) return base[i]!;
    const state = p.journey.state ?? 'current';
    const statesDiffer = new Set(same.map((q) => q.journey.state ?? 'current')).size === same.length;
    if (statesDiffer) return `${base[i]} (${stateName(state)})`;
    return p.persona ? `${base[i]} — ${p.journey.title}` : base[i]!;
  });
}
