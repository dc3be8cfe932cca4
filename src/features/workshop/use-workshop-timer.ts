import { useEffect, useState } from 'react';
import { TIMER_ENTRY } from '../../live/protocol';
import { useApp, useWorkshop } from '../../app/app-context';
import type { Id } from '../../domain/types';
import { parseTimer, type Timer } from '../../domain/workshop-timer';
import { useSessionShare } from './use-session-share';
import { updateTimer } from './workshop-state';

const TIMER_KEY = TIMER_ENTRY;

/**
 * The workshop's timer: this tab's alone, or, while the journey is live, the room's, so every
 * participant sees the same countdown. A change is made from the timer as it is when made.
 */
export function useWorkshopTimer(journeyId: Id): {
  timer: Timer;
  change: (fn: (t: Timer) => Timer) => void;
  shared: boolean;
} {
  const app = useApp();
  const own = useWorkshop((s) => s.timer);
  const share = useSessionShare(journeyId);
  const room = share && !share.solo ? share : null;
  const [roomTimer, setRoomTimer] = useState<Timer | null>(null);
  useEffect(() => {
    if (!room) return;
    const read = () => setRoomTimer(parseTimer(room.read(TIMER_KEY)));
    read();
    return room.subscribe(read);
  }, [room]);
  if (!room) return { timer: own, change: (fn) => updateTimer(app.workshop, fn), shared: false };
  // Before anyone in the room has set a timer, this tab's length is the one offered.
  const timer = roomTimer ?? { ...own, startedAt: null, elapsedMs: 0 };
  return {
    timer,
    change: (fn) => room.write({ [TIMER_KEY]: fn(parseTimer(room.read(TIMER_KEY)) ?? timer) }),
    shared: true,
  };
}
