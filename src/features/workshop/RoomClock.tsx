import { useTranslation } from 'react-i18next';
import { useWorkshop } from '../../app/app-context';
import { formatClock } from '../../domain/workshop-timer';
import { useWorkshopTimer } from './use-workshop-timer';
import { useCountdown, useTimeUp } from './WorkshopBar';

/**
 * The room's countdown for a participant not in workshop mode (a phone, a laptop in the room):
 * the same clock as the facilitator's, shown while it runs or once its time is up.
 */
export function RoomClock({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const workshop = useWorkshop((s) => s.on);
  const { timer, change, shared } = useWorkshopTimer(journeyId);
  const { running, left, done } = useCountdown(timer);
  useTimeUp(timer, shared && !workshop && running && done, change);
  if (!shared || workshop || (!running && !(done && timer.elapsedMs > 0))) return null;
  return (
    <span
      role="timer"
      aria-label={t('workshop.timeLeft')}
      className={done ? 'room-clock workshop-bar__clock--done' : 'room-clock'}
    >
      {formatClock(left)}
    </span>
  );
}
