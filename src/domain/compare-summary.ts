import type { StageScores } from './compare';

/** A score as the Compare screen writes it: one decimal, a sign when positive, a dash when absent. */
export function formatScore(n: number | null): string {
  if (n === null) return '–';
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : String(r);
}

export const formatGap = (gap: number | null) => (gap === null ? '–' : String(Math.round(gap * 10) / 10));

export interface SummaryWords {
  title: string;
  verdict: string;
  stage: string;
  gap: string;
  /** "only Priya", for a stage only one journey has. */
  onlyIn: (name: string) => string;
  divergesMost: string;
}

/**
 * The comparison as text to paste into a report or a chat: the verdict, then a tab-separated
 * table (stage, each persona's average, the gap) that a spreadsheet or a document reads as a
 * table. It holds only the figures the screen shows.
 */
export function compareSummary(
  names: readonly string[],
  scores: readonly StageScores[],
  divergent: ReadonlySet<number>,
  words: SummaryWords,
): string {
  const rows = [
    [words.stage, ...names, words.gap].join('\t'),
    ...scores.map((s, i) => {
      const notes = [
        s.onlyIn !== null ? words.onlyIn(names[s.onlyIn] ?? '') : '',
        divergent.has(i) ? words.divergesMost : '',
      ].filter(Boolean);
      const stage = notes.length ? `${s.name} (${notes.join(', ')})` : s.name;
      return [stage, ...s.averages.map(formatScore), formatGap(s.gap)].join('\t');
    }),
  ];
  return [words.title, '', words.verdict, '', ...rows].join('\n') + '\n';
}
