import { generateNKeysBetween } from 'fractional-indexing';
import { sortByOrder } from './order';
import type { CardRec, Id, Workspace } from './types';

/** Helpers to find and remove the parts of a journey (in a workspace or an immer draft). */

/** One table's records of a journey, in their order. */
export function journeyRecords<T extends { journeyId: Id; order: string; id: string }>(
  table: Record<Id, T>,
  journeyId: Id,
): T[] {
  const out: T[] = [];
  for (const rec of Object.values(table)) if (rec.journeyId === journeyId) out.push(rec);
  return sortByOrder(out);
}

export function stagesOf(ws: Workspace, journeyId: Id) {
  return journeyRecords(ws.stages, journeyId);
}

export function lanesOf(ws: Workspace, journeyId: Id) {
  return journeyRecords(ws.lanes, journeyId);
}

export function cellCards(ws: Workspace, stageId: Id, laneId: Id): CardRec[] {
  return sortByOrder(Object.values(ws.cards).filter((c) => c.stageId === stageId && c.laneId === laneId));
}

/** Deletes the cards and every connection that touches them. */
export function removeCards(ws: Workspace, ids: ReadonlySet<Id>): void {
  for (const id of ids) delete ws.cards[id];
  for (const [xid, x] of Object.entries(ws.connections))
    if (ids.has(x.from) || ids.has(x.to)) delete ws.connections[xid];
}

export function cardsWhere(ws: Workspace, test: (c: CardRec) => boolean): Set<Id> {
  const out = new Set<Id>();
  for (const c of Object.values(ws.cards)) if (test(c)) out.add(c.id);
  return out;
}

/**
 * Order keys for `n` cards put at `index` of a cell. Appending takes keys after every card of the
 * journey, so the file order (which exports follow) is the order in which cards were added.
 */
export function cellOrderKeys(
  ws: Workspace,
  journeyId: Id,
  siblings: readonly CardRec[],
  index: number,
  n: number,
): string[] {
  const i = Math.max(0, Math.min(index, siblings.length));
  if (i < siblings.length) return generateNKeysBetween(siblings[i - 1]?.order ?? null, siblings[i]!.order, n);
  let last: string | null = null;
  for (const c of Object.values(ws.cards))
    if (c.journeyId === journeyId && (last === null || c.order > last)) last = c.order;
  return generateNKeysBetween(last, null, n);
}
