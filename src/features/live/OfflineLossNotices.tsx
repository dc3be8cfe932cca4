import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { Id } from '../../domain/types';
import { dismissOfflineLoss } from '../../live/live-state';
import type { OfflineLoss } from '../../live/offline-losses';
import { LostTextNotice } from '../editor/CardTextField';
import { useLive } from './use-live';
import './offline-losses.css';

const NONE: OfflineLoss[] = [];

/**
 * Back online: the text written here offline that the room's merge did not keep, each said (the
 * card, the field, whose change was kept) with the text offered back, until dismissed. Shown over
 * the map, as the card in question need not be open.
 */
export function OfflineLossNotices({ journeyId }: { journeyId: Id }) {
  const { t } = useTranslation();
  const app = useApp();
  const losses = useLive((s) => s.journeys[journeyId]?.offlineLosses ?? NONE);
  if (losses.length === 0) return null;
  return (
    <div className="offline-losses">
      {losses.map((loss) => (
        <LostTextNotice
          key={`${loss.cardId}\u0000${loss.field}`}
          message={t(`live.offlineLost.${loss.field}`, {
            card: loss.cardTitle,
            name: loss.by ?? t('live.someoneElse'),
          })}
          text={loss.text}
          onDismiss={() => dismissOfflineLoss(app.live, journeyId, loss)}
        />
      ))}
    </div>
  );
}
