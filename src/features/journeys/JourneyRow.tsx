import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneySummary } from '../../domain/queries';
import { journeyHref } from '../../app/router';
import { formatRelativeTime } from '../../i18n/format';
import { Avatar } from '../../ui/Avatar';
import { Menu } from '../../ui/Menu';
import { createFutureStateOf, deleteWithUndo, duplicateWithToast, exportJourneyJson } from './journey-actions';
import { useApp } from '../../app/app-context';
import { useLive } from '../live/use-live';

export const JourneyRow = memo(function JourneyRow({
  summary,
  onRename,
  now,
}: {
  summary: JourneySummary;
  onRename: (id: string) => void;
  now: number;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const { journey, persona, stageCount, cardCount } = summary;
  const live = useLive((s) => !!s.journeys[journey.id]);
  return (
    <li className="journey-row">
      <Avatar persona={persona} size={44} />
      <div className="journey-row__main">
        <a className="journey-row__title" dir="auto" href={journeyHref(journey.id)}>
          {journey.title}
        </a>
        {live && <span className="badge badge--live">{t('live.badge')}</span>}
        {journey.state === 'future' && <span className="badge badge--future">{t('editor.state.future')}</span>}
        <div className="journey-row__meta">
          <span className="journey-row__persona">{persona ? persona.name : t('journeys.noPersona')}</span>
          <span>{t('journeys.stages', { count: stageCount })}</span>
          <span>{t('journeys.cards', { count: cardCount })}</span>
          <time dateTime={new Date(journey.updatedAt).toISOString()}>
            {t('journeys.changed', { time: formatRelativeTime(journey.updatedAt, now) })}
          </time>
        </div>
      </div>
      <Menu
        label={t('journeys.actionsFor', { title: journey.title })}
        trigger={<span aria-hidden="true">⋯</span>}
        items={[
          { label: t('journeys.duplicate'), onSelect: () => void duplicateWithToast(app, journey.id) },
          { label: t('journeys.rename'), onSelect: () => onRename(journey.id) },
          ...(journey.state === 'future'
            ? []
            : [{ label: t('journeys.createFuture'), onSelect: () => void createFutureStateOf(app, journey.id) }]),
          { label: t('journeys.exportJson'), onSelect: () => void exportJourneyJson(app, journey.id) },
          { label: t('journeys.delete'), onSelect: () => void deleteWithUndo(app, journey.id), danger: true },
        ]}
      />
    </li>
  );
});
