import type { Id } from '../../domain/types';
import { useLiveJourney } from './use-live';

/**
 * What this person may do with a journey: alone, everything; in a live room, the facilitator runs
 * it (votes, the timer, Present, Follow me, Invite, the end), a participant adds, edits and votes,
 * a viewer watches.
 */
export type RoomRole = 'solo' | 'facilitator' | 'participant' | 'viewer';

export function useRoomRole(journeyId: Id): RoomRole {
  const live = useLiveJourney(journeyId);
  if (!live) return 'solo';
  if (live.access === 'view') return 'viewer';
  // A co-facilitator runs the room as the facilitator does (only roles are the facilitator's).
  return live.role === 'guest' ? 'participant' : 'facilitator';
}

/** Whether this role runs the room's workshop tools (alone, one runs one's own). */
export const runsRoom = (role: RoomRole): boolean => role === 'solo' || role === 'facilitator';
