import type { Patch } from 'immer';
import type { CardRec, Id, Workspace } from './types';

/** What a change did to one journey's cards, as a screen reader hears it (not every keystroke). */
export interface CardChanges {
  added: CardRec[];
  removed: CardRec[];
  /** Cards now in another stage or lane. */
  moved: CardRec[];
  /** Cards whose words or values changed in place. */
  edited: CardRec[];
}

const PLACE_FIELDS = new Set(['stageId', 'laneId']);
// Where a card sits within its cell is not news; its words and values are.
const SILENT_FIELDS = new Set(['order', 'journeyId', 'id']);

/** Sorts the card patches of one change by what they did to `journeyId`'s cards. */
export function cardChanges(
  patches: readonly Patch[],
  before: Workspace,
  after: Workspace,
  journeyId: Id,
): CardChanges {
  const added = new Map<Id, CardRec>();
  const removed = new Map<Id, CardRec>();
  const moved = new Map<Id, CardRec>();
  const edited = new Map<Id, CardRec>();
  for (const p of patches) {
    const [table, id, field] = p.path;
    if (table !== 'cards' || typeof id !== 'string') continue;
    const was = before.cards[id];
    const now = after.cards[id];
    if ((was ?? now)?.journeyId !== journeyId) continue;
    if (!was && now) added.set(id, now);
    else if (was && !now) removed.set(id, was);
    else if (was && now) {
      if (field === undefined) {
        if (was.stageId !== now.stageId || was.laneId !== now.laneId) moved.set(id, now);
        else edited.set(id, now);
      } else if (PLACE_FIELDS.has(String(field))) {
        if (was.stageId !== now.stageId || was.laneId !== now.laneId) moved.set(id, now);
      } else if (!SILENT_FIELDS.has(String(field))) edited.set(id, now);
    }
  }
  for (const id of moved.keys()) edited.delete(id);
  return {
    added: [...added.values()],
    removed: [...removed.values()],
    moved: [...moved.values()],
    edited: [...edited.values()],
  };
}
