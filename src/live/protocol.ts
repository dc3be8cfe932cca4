/** What the live server and the app agree on beyond Hocuspocus' own protocol. */

/**
 * The stateless message a room's participants receive when its host ends it. Only the server
 * sends stateless messages: it never passes on one a client sent.
 */
export const ROOM_ENDED = 'journey-canvas:room-ended';

/** The stateless message a room's participants receive when the server cannot store its changes (disk full). */
export const STORAGE_FULL = 'journey-canvas:storage-full';

/** The stateless message that follows once the room's changes are stored again. */
export const STORAGE_OK = 'journey-canvas:storage-ok';

/**
 * A client's question "are you there?" (a stateless message) and the server's answer to that
 * socket alone: the only stateless message a client may send. See `connection-watch.ts`.
 */
export const LIVE_PING = 'journey-canvas:ping';
export const LIVE_PONG = 'journey-canvas:pong';

/** The WebSocket close code of a server that is stopping (SIGTERM): clients reconnect. */
export const SERVER_RESTARTING = { code: 4503, reason: 'server restarting' } as const;

/**
 * How a client retries its connection: every 100 ms to 1 s (never the provider's default of up
 * to 30 s), so a server that restarts or fails over has its clients back within a second of
 * answering again.
 */
export const RECONNECT_BACKOFF = { delay: 250, minDelay: 100, maxDelay: 1000, factor: 1.5 } as const;
/**
 * Why the server did not keep a participant's change: it breaks the journey's rules, the room is
 * full, or only the facilitator may make it.
 */
export type UpdateRefusal = 'invalid' | 'full' | 'facilitator';

const UPDATE_REFUSED = 'journey-canvas:update-refused:';

/** The stateless message telling a participant that the server did not keep their change. */
export const updateRefused = (reason: UpdateRefusal): string => UPDATE_REFUSED + reason;

/** The reason of an "update refused" message; null for any other message. */
export function readUpdateRefused(payload: string): UpdateRefusal | null {
  if (!payload.startsWith(UPDATE_REFUSED)) return null;
  const reason = payload.slice(UPDATE_REFUSED.length);
  return reason === 'invalid' || reason === 'full' || reason === 'facilitator' ? reason : null;
}

/**
 * The room document's map of workshop entries (the vote, each one's dots, the timer, the parking
 * lot), beside the journey's tables: plain JSON values under short keys.
 */
export const WORKSHOP_MAP = 'workshop';

/** The workshop entries of the vote's setup and the room's timer: only a facilitator writes them. */
export const VOTE_ENTRY = 'vote';
export const TIMER_ENTRY = 'timer';
/** Each person's dots are under this prefix; only a facilitator removes them (a new vote). */
export const BALLOT_PREFIX = 'ballot:';

/**
 * A participant's role, as the server tells everyone in their presence (`user.role`): the
 * facilitator, a co-facilitator (the facilitator's powers, but not over roles), an editor, a viewer.
 */
export type LiveRole = 'host' | 'cohost' | 'edit' | 'view';

/** Whether a role runs the room: votes, the timer, Present, Follow me, Invite, the end. */
export const facilitates = (role: LiveRole | null | undefined): boolean => role === 'host' || role === 'cohost';
