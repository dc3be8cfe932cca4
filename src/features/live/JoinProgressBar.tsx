import { useTranslation } from 'react-i18next';
import { JOIN_STEPS, stepReached, type JoinProgress } from '../../live/join-progress';
import './join-progress.css';

/** How far opening a live link has come, shown while the person gives their name. */
export function JoinProgressBar({ progress }: { progress: JoinProgress }) {
  const { t, i18n } = useTranslation();
  const text =
    progress.step === 'connecting'
      ? t('live.joinConnecting')
      : progress.step === 'receiving'
        ? t('live.joinReceiving')
        : t('live.joinReceived', { count: progress.cards, cards: progress.cards.toLocaleString(i18n.language) });
  return (
    <div className="join-progress">
      <progress
        aria-label={t('live.joinProgress')}
        aria-valuetext={text}
        max={JOIN_STEPS.length}
        value={stepReached(progress)}
      />
      <p role="status">{text}</p>
    </div>
  );
}
