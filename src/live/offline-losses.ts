import type { Id } from '../domain/types';
import { isLockField, type LockField } from './field-lock';

/**
 * Text typed into a card's field while offline can lose to someone else's change of the same
 * field when the device reconnects: a field is one value, and of two concurrent values the merge
 * keeps one (on every screen alike). Nothing else would say so; this participant would just see
 * their words gone. So each text field written here while offline is noted (the card, the field,
 * what it held before and what was written last), and once back in the room the notes are
 * compared with the merged card: each field that no longer holds what was written is a loss, told
 * with the text offered back.
 */

/** A field of a card written here while offline. */
export interface OfflineEdit {
  cardId: Id;
  field: LockField;
  /** What the field held before the first offline change: writing it back is no change. */
  before: string;
  /** What was written last. */
  text: string;
}

/** An offline change that the merge did not keep. */
export interface OfflineLoss {
  cardId: Id;
  field: LockField;
  /** The card's title after the merge, to name it. */
  cardTitle: string;
  /** What this participant wrote. */
  text: string;
  /** Whose change was kept instead, when known. */
  by: string | null;
}

const keyOf = (cardId: Id, field: LockField) => `${cardId}\u0000${field}`;

/** Notes an offline change of a card's field: the first `before` stays, the last text counts. */
export function noteOfflineEdit(
  edits: Map<string, OfflineEdit>,
  cardId: Id,
  field: LockField,
  before: string,
  text: string,
): void {
  const key = keyOf(cardId, field);
  const known = edits.get(key);
  edits.set(key, known ? { ...known, text } : { cardId, field, before, text });
}

/**
 * The offline changes the merged room did not keep: the card's field holds something other than
 * what was written here (a change that wrote the field back as it was is none). A card gone from
 * the room is not this kind of loss: the map says so itself.
 */
export function offlineLosses(
  edits: Iterable<OfflineEdit>,
  cardNow: (cardId: Id) => { title: string; [field: string]: unknown } | undefined,
  authorOf: (cardId: Id, field: LockField) => string | null,
): OfflineLoss[] {
  const out: OfflineLoss[] = [];
  for (const e of edits) {
    if (e.text === e.before) continue;
    const card = cardNow(e.cardId);
    if (!card) continue;
    const now = card[e.field];
    if ((typeof now === 'string' ? now : '') === e.text) continue;
    out.push({
      cardId: e.cardId,
      field: e.field,
      cardTitle: card.title,
      text: e.text,
      by: authorOf(e.cardId, e.field),
    });
  }
  return out;
}

/** Notes kept in this browser across a reload, read back: only well-formed ones count. */
export function readOfflineEdits(raw: unknown): OfflineEdit[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((e: unknown) => {
    if (typeof e !== 'object' || e === null) return [];
    const { cardId, field, before, text } = e as Record<string, unknown>;
    return typeof cardId === 'string' && isLockField(field) && typeof before === 'string' && typeof text === 'string'
      ? [{ cardId, field, before, text }]
      : [];
  });
}
