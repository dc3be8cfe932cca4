/** What the live server and the app agree on beyond Hocuspocus' own protocol. */

/**
 * The stateless message a room's participants receive when its host ends it. Only the server
 * sends stateless messages: it never passes on one a client sent.
 */
export const ROOM_ENDED = 'journey-canvas:room-ended';

/** Why the server did not keep a participant's change. */
export type UpdateRefusal = 'invalid' | 'full';

const UPDATE_REFUSED = 'journey-canvas:update-refused:';

/** The stateless message telling a participant that the server did not keep their change. */
export const updateRefused = (reason: UpdateRefusal): string => UPDATE_REFUSED + reason;

/** The reason of an "update refused" message; null for any other message. */
export function readUpdateRefused(payload: string): UpdateRefusal | null {
  if (!payload.startsWith(UPDATE_REFUSED)) return null;
  const reason = payload.slice(UPDATE_REFUSED.length);
  return reason === 'invalid' || reason === 'full' ? reason : null;
}
