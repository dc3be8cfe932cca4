/** A score as the Compare screen writes it: one decimal, a sign when positive, a dash when absent. */
export function formatScore(n: number | null): string {
  if (n === null) return '–';
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : String(r);
}

export const formatGap = (gap: number | null) => (gap === null ? '–' : String(Math.round(gap * 10) / 10));
