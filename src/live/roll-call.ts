import type { LiveRole } from './protocol';
import type { Id } from '../domain/types';

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
 * Everyone seen in this session: those here now, then those who were and are not any more. People
 * are told apart by name, as a reload brings someone back under a new connection. While this
 * participant is offline, no one is known to be connected.
 */
export function rollCall(
  present: readonly Present[],
  seenBefore: ReadonlyMap<string, { name: string; color: string }>,
  online: boolean,
): { list: ParticipantView[]; seen: Map<string, { name: string; color: string }> } {
  const seen = new Map(seenBefore);
  for (const p of present) if (!p.me) seen.set(p.name, { name: p.name, color: p.color });
  const here = new Set(present.map((p) => p.name));
  const gone = [...seen.values()].filter((s) => !here.has(s.name));
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
