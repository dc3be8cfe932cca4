import { LIMITS, type Id } from '../domain/types';
import { parseClaim, type FieldClaim } from './field-lock';
import { colorFor, type MapView } from './live-state';
import type { LiveRole } from './protocol';

/** The longest name a participant is shown with (the join form takes no more). */
export const NAME_LENGTH = 100;

/** What a participant tells the others about themselves (the `user` field of their awareness state). */
export interface Presence {
  name: string;
  color: string;
  /** The card this participant has selected, if any. */
  selected: Id | null;
  /** The facilitator has asked everyone to follow their view. */
  leading: boolean;
  /** Which stages this participant shows the room, when leading. */
  view: MapView | null;
  /** The text field this participant is typing in, if any. */
  editing: FieldClaim | null;
  /** What the server let them do in the room (it writes this itself); null from an older server. */
  role: LiveRole | null;
}

/** More stages than any screen shows side by side; a longer list is refused, not trimmed. */
export const VIEW_STAGES_MAX = 50;

const anId = (v: unknown): v is Id => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.idLength;

/**
 * A leader's view: stage ids (bounded, each checked), the presented stage among them, the top lane.
 * Anything else, an older client's rectangle among them, is no view: a follower's map stays put.
 */
function parseView(raw: unknown): MapView | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { stages, present, lane } = raw as Record<string, unknown>;
  if (!Array.isArray(stages) || stages.length === 0 || stages.length > VIEW_STAGES_MAX || !stages.every(anId))
    return null;
  const shown = present === null || present === undefined ? null : anId(present) ? present : undefined;
  if (shown === undefined || (shown !== null && !stages.includes(shown))) return null;
  return { stages: [...stages], present: shown, lane: anId(lane) ? lane : null };
}

/**
 * Another participant's presence, from their awareness state: it comes from any peer, so each
 * part is checked and bounded. Null when there is no usable name.
 */
export function readPresence(raw: unknown): Presence | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const user = raw as Record<string, unknown>;
  const name = typeof user.name === 'string' ? user.name.trim().slice(0, NAME_LENGTH) : '';
  if (!name) return null;
  const color = typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : colorFor(name);
  const selected =
    typeof user.selected === 'string' && user.selected.length > 0 && user.selected.length <= LIMITS.idLength
      ? user.selected
      : null;
  return {
    name,
    color,
    selected,
    leading: user.leading === true,
    view: parseView(user.view),
    editing: parseClaim(user.editing),
    role:
      user.role === 'host' || user.role === 'cohost' || user.role === 'edit' || user.role === 'view' ? user.role : null,
  };
}
