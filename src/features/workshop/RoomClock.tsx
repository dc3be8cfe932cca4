import { useWorkshop } from '../../app/app-context';
import { useWorkshopTimer } from './use-workshop-timer';
import { runsRoom, useRoomRole } from '../live/use-room-role';
import { Clock, useCountdown, useTimeUp } from './WorkshopBar';

/**
 * The room's countdown for a participant not in workshop mode (a phone, a laptop in the room):
 * the same clock as the facilitator's, shown while it runs or once its time is up.
 */
export function RoomClock({ journeyId }: { journeyId: string }) {
  const workshop = useWorkshop((s) => s.on);
  const { timer, change, shared } = useWorkshopTimer(journeyId);
  const { running, left, done } = useCountdown(timer);
  const runs = runsRoom(useRoomRole(journeyId));
  // Stopped at 0:00 by the facilitator's screen only: the room's timer is theirs to write.
  useTimeUp(timer, shared && !workshop && running && done, runs ? change : () => undefined);
  if (!shared || workshop || (!running && !(done && timer.elapsedMs > 0))) return null;
  return <Clock left={left} done={done} className="room-clock" />;
}
