import { LIMITS, type Id } from '../domain/types';

/**
 * Soft locks on a card's text fields in a live session. A field is stored whole (the last writer
 * wins), so two people typing in one field would each overwrite the other at every keystroke: the
 * one who claims a field first holds it, and the others see it read-only until it is released.
 */

/** The free-text fields of `Card details`, the only field names a claim may carry. */
export const LOCK_FIELDS = ['title', 'notes', 'owner', 'unit'] as const;
export type LockField = (typeof LOCK_FIELDS)[number];

/** The holder lets go of a field after this long without typing. */
export const HOLD_IDLE_MS = 10_000;
/** The others stop honouring a claim they have not seen refreshed for this long (by their own clock). */
export const CLAIM_STALE_MS = 12_000;
/** While typing, the holder refreshes its claim at most this often. */
export const CLAIM_BEAT_MS = 1_000;
/** The largest claim number taken from a peer: a hostile one cannot push the count past it. */
const MAX_SEQ = 2 ** 31 - 1;

/**
 * What a participant tells the others about the field they are typing in. `seq` orders claims: one
 * more than any claim this participant has seen (a Lamport clock), so a claim made after seeing
 * another always comes after it, whatever the devices' clocks say. `beat` counts refreshes.
 */
export interface FieldClaim {
  cardId: Id;
  field: LockField;
  seq: number;
  beat: number;
}

/** A participant's claim as this screen knows it: `seenAt` is when it last changed, by this clock. */
export interface Claimant {
  clientId: number;
  name: string;
  color: string;
  editing: FieldClaim | null;
  seenAt: number;
}

/** Who holds one field of one card. */
export interface FieldHold {
  cardId: Id;
  field: LockField;
  clientId: number;
  name: string;
  color: string;
  /** This participant. */
  me: boolean;
}

export const isLockField = (v: unknown): v is LockField => (LOCK_FIELDS as readonly unknown[]).includes(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_SEQ;

/** A claim from another participant's awareness state (untrusted): null unless it is well formed. */
export function parseClaim(raw: unknown): FieldClaim | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { cardId, field, seq, beat } = raw as Record<string, unknown>;
  if (typeof cardId !== 'string' || cardId.length === 0 || cardId.length > LIMITS.idLength) return null;
  if (!isLockField(field) || !isCount(seq) || !isCount(beat)) return null;
  return { cardId, field, seq, beat };
}

/** A claim not seen refreshed for `CLAIM_STALE_MS` (its holder went silent) is no longer honoured. */
export function isStale(seenAt: number, now: number): boolean {
  return now - seenAt >= CLAIM_STALE_MS;
}

/** The number of a new claim, given the largest seen so far. */
export function nextSeq(largestSeen: number): number {
  return Math.min(MAX_SEQ, Math.max(0, largestSeen) + 1);
}

/** True when claim `a` (of client `aId`) comes before claim `b`: the smaller number, then the smaller client id. */
export function claimsFirst(a: { seq: number; clientId: number }, b: { seq: number; clientId: number }): boolean {
  return a.seq !== b.seq ? a.seq < b.seq : a.clientId < b.clientId;
}

/**
 * Who holds each claimed field: of the claims on one field that are still honoured, the first
 * (`claimsFirst`). Every screen that sees the same claims decides alike. This participant's own
 * claim is never stale here (it lets go of it itself).
 */
export function fieldHolders(claimants: readonly Claimant[], me: number | undefined, now: number): FieldHold[] {
  const first = new Map<string, Claimant & { editing: FieldClaim }>();
  for (const c of claimants) {
    const claim = c.editing;
    if (!claim) continue;
    if (c.clientId !== me && isStale(c.seenAt, now)) continue;
    const key = `${claim.cardId}\u0000${claim.field}`;
    const held = first.get(key);
    if (
      !held ||
      claimsFirst({ seq: claim.seq, clientId: c.clientId }, { seq: held.editing.seq, clientId: held.clientId })
    )
      first.set(key, { ...c, editing: claim });
  }
  return [...first.values()].map((c) => ({
    cardId: c.editing.cardId,
    field: c.editing.field,
    clientId: c.clientId,
    name: c.name,
    color: c.color,
    me: c.clientId === me,
  }));
}

/** When the next of the others' claims goes stale (to look again then); null when none will. */
export function nextStale(claimants: readonly Claimant[], me: number | undefined, now: number): number | null {
  let next: number | null = null;
  for (const c of claimants) {
    if (!c.editing || c.clientId === me || isStale(c.seenAt, now)) continue;
    const at = c.seenAt + CLAIM_STALE_MS;
    if (next === null || at < next) next = at;
  }
  return next;
}
