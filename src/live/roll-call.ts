import type { LiveRole } from './protocol';
import type { Id } from '../domain/types';
import { NAME_LENGTH } from './presence';

/** One person in a live session's Participants list. */
export interface ParticipantView {
  clientId: number;
  name: string;
  color: string;
  me: boolean;
  selected: Id | null;
  /** Here now; false for someone who was in the session and is not (or for all, while offline). */
  connected: boolean;
  /** What the server says they may do (facilitator, co-facilitator, edit, view); unknown for those gone. */
  role?: LiveRole | null;
}

export type Present = Omit<ParticipantView, 'connected'>;

/**
 * The room's roll: everyone who has been in the session, as workshop entries of the room's
 * document (`person:<name>` → name and colour), so that every screen, a late joiner's too, lists
 * the same people. Each participant who can edit adds those present it sees and the roll lacks
 * (a view link cannot write, so its holder is added by the others).
 */
export const ROLL_PREFIX = 'person:';

export interface Enrolled {
  name: string;
  color: string;
}

/** A roll entry, from any peer: null unless it is a bounded name under its own key and a colour. */
export function readEnrolled(key: string, value: unknown): Enrolled | null {
  if (!key.startsWith(ROLL_PREFIX) || typeof value !== 'object' || value === null) return null;
  const { name, color } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name === '' || name.length > NAME_LENGTH || key !== ROLL_PREFIX + name) return null;
  return { name, color: typeof color === 'string' && /^#[0-9a-f]{6}$/i.test(color) ? color : '#34495e' };
}

/** The entries to add to the roll for those present whom it lacks. */
export function toEnrol(present: readonly Enrolled[], roll: readonly Enrolled[]): Record<string, Enrolled> {
  const known = new Set(roll.map((p) => p.name));
  const out: Record<string, Enrolled> = {};
  for (const p of present) if (!known.has(p.name)) out[ROLL_PREFIX + p.name] = { name: p.name, color: p.color };
  return out;
}

/**
 * Everyone in this session: those here now, then those on the roll who are not here any more (by
 * name, so every screen orders them alike). People are told apart by name, as a reload brings
 * someone back under a new connection. While this participant is offline, no one is known to be
 * connected.
 */
export function rollCall(
  present: readonly Present[],
  seenBefore: ReadonlyMap<string, { name: string; color: string }>,
  online: boolean,
): { list: ParticipantView[]; seen: Map<string, { name: string; color: string }> } {
  const seen = new Map(seenBefore);
  for (const p of present) if (!p.me) seen.set(p.name, { name: p.name, color: p.color });
  const here = new Set(present.map((p) => p.name));
  const gone = [...seen.values()]
    .filter((s) => !here.has(s.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return {
    seen,
    list: [
      ...present.map((p) => ({ ...p, connected: online })),
      ...gone.map((s, i) => ({
        clientId: -1 - i,
        name: s.name,
        color: s.color,
        me: false,
        selected: null,
        connected: false,
      })),
    ],
  };
}
