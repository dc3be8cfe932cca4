import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../app/app-context';
import type { CardRec, Id } from '../../domain/types';
import { HOLD_IDLE_MS, type FieldHold, type LockField } from '../../live/field-lock';
import type { LiveRegistry } from '../../live/live-registry';
import type { LiveState } from '../../live/live-state';
import { useLive } from '../live/use-live';

/** Text this participant typed in a field someone else held: not kept, offered back. */
export interface LostText {
  field: LockField;
  /** Who held the field. */
  by: string;
  text: string;
}

/** What a text field of `Card details` needs to honour the soft lock. */
export interface FieldLock {
  /** What the field shows: this participant's own text while they hold it, else the card's. */
  value: string;
  /** Someone else holds the field. */
  readOnly: boolean;
  onFocus: () => void;
  onBlur: () => void;
  onChange: (value: string) => void;
}

// The field's state in the session, as one string so the field redraws only when it changes.
const NOT_LIVE = '';
const FREE = 'free';
const MINE = 'mine';
const VIEW = 'view';
const OTHER = 'other:';

function holdOf(s: LiveState, journeyId: Id, cardId: Id, field: LockField): string {
  const live = s.journeys[journeyId];
  if (!live) return NOT_LIVE;
  const hold = live.editing.find((h) => h.cardId === cardId && h.field === field);
  if (hold && !hold.me) return OTHER + hold.name;
  if (live.access === 'view') return VIEW;
  return hold ? MINE : FREE;
}

/** The others who hold text fields of one card, as one string: `field` NUL `name`, one per line. */
export function cardHolders(s: LiveState, journeyId: Id, cardId: Id): string {
  return (s.journeys[journeyId]?.editing ?? [])
    .filter((h: FieldHold) => h.cardId === cardId && !h.me)
    .map((h) => `${h.field}\u0000${h.name}`)
    .join('\n');
}

/**
 * The soft lock on one text field of a card, in a live journey. Focus or typing claims the field
 * (the others see it held and read-only); blur, 10 s without typing or closing `Card details`
 * lets go. While held here, what arrives from the room for this field does not replace the text
 * being typed, and is written over with it. Should someone else's claim come first after all (both
 * claimed at once), the field shows their text and `onLost` hands back what was typed here.
 * Outside a live journey the field is the card's value, as it always was.
 */
export function useFieldLock(
  card: Pick<CardRec, 'id' | 'journeyId'>,
  field: LockField,
  value: string,
  write: (value: string) => void,
  onLost: (lost: LostText) => void,
): FieldLock {
  const app = useApp();
  const { id: cardId, journeyId } = card;
  const hold = useLive((s) => holdOf(s, journeyId, cardId, field));
  const live = hold !== NOT_LIVE;
  const heldBy = hold.startsWith(OTHER) ? hold.slice(OTHER.length) : null;
  const [draft, setDraft] = useState<string | null>(null);

  // Refs for what the timers and the unmount read.
  const registry = useRef<LiveRegistry | null>(null);
  const claimed = useRef(false);
  const base = useRef('');
  const draftRef = useRef<string | null>(null);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);
  const writeRef = useRef(write);
  writeRef.current = write;

  useEffect(() => {
    if (!live) return;
    let on = true;
    void app.liveSessions().then((r) => {
      if (on) registry.current = r;
    });
    return () => {
      on = false;
    };
  }, [app, live]);

  // Told at once (not after a promise) so the claim goes out before the keystroke's change.
  const withRegistry = (act: (r: LiveRegistry) => void) => {
    if (registry.current) act(registry.current);
    else void app.liveSessions().then(act);
  };

  const setText = (text: string | null) => {
    draftRef.current = text;
    setDraft(text);
  };

  const release = () => {
    if (idle.current !== null) clearTimeout(idle.current);
    idle.current = null;
    if (!claimed.current) return;
    claimed.current = false;
    setText(null);
    withRegistry((r) => r.releaseField(journeyId, cardId, field));
  };
  const releaseRef = useRef(release);
  releaseRef.current = release;

  const claim = () => {
    if (!claimed.current) {
      claimed.current = true;
      base.current = value;
      setText(value);
    }
    withRegistry((r) => r.claimField(journeyId, cardId, field));
    if (idle.current !== null) clearTimeout(idle.current);
    idle.current = setTimeout(() => releaseRef.current(), HOLD_IDLE_MS);
  };

  // Someone else's claim came first: their text stays, this participant's is handed back.
  useEffect(() => {
    if (heldBy === null || !claimed.current) return;
    const mine = draftRef.current;
    release();
    if (mine !== null && mine !== base.current) onLost({ field, by: heldBy, text: mine });
    // Only a change of holder is news here.
  }, [heldBy]); // eslint-disable-line react-hooks/exhaustive-deps

  // Held here: a value from the room for this field (someone who claimed at the same moment and
  // had not yet seen this claim) is written over with the text being typed, so every screen ends
  // with it.
  useEffect(() => {
    const mine = draftRef.current;
    if (hold === MINE && claimed.current && mine !== null && value !== mine) writeRef.current(mine);
  }, [value, hold]);

  useEffect(() => () => releaseRef.current(), []);

  const editable = hold === FREE || hold === MINE;
  return {
    value: draft ?? value,
    readOnly: heldBy !== null,
    onFocus: () => {
      if (editable) claim();
    },
    onBlur: release,
    onChange: (text) => {
      // A view link's refusal is said by `write`, as before.
      if (!live || hold === VIEW) return write(text);
      if (!editable) return;
      claim();
      setText(text);
      write(text);
    },
  };
}
