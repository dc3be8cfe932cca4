import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

/**
 * Order keys are fractional-index strings: inserting between two items writes one record
 * instead of renumbering a whole array, so patches stay small and tabs do not clobber each other.
 * They compare by code unit, never by locale.
 */
export function compareOrder(a: { order: string; id: string }, b: { order: string; id: string }): number {
  if (a.order < b.order) return -1;
  if (a.order > b.order) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortByOrder<T extends { order: string; id: string }>(items: Iterable<T>): T[] {
  return [...items].sort(compareOrder);
}

export function orderKeys(n: number, after: string | null = null): string[] {
  return generateNKeysBetween(after, null, n);
}

/**
 * The key that puts an item at `index` among `siblings` (sorted, without the item itself).
 * Index past the end appends.
 */
export function orderAtIndex(siblings: readonly { order: string }[], index: number): string {
  const i = Math.max(0, Math.min(index, siblings.length));
  return generateKeyBetween(siblings[i - 1]?.order ?? null, siblings[i]?.order ?? null);
}
