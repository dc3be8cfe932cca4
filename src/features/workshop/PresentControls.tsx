import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useEditor } from '../../app/app-context';
import type { JourneyParts } from '../../domain/queries';
import { presentStep, startPresenting, stopPresenting } from '../editor/editor-state';
import { useLiveJourney } from '../live/use-live';

/**
 * `Present`: one stage at a time, the others behind a veil. Left/Right (and a clicker's Page
 * Up/Page Down) move, Escape ends. In a live session the facilitator's presenting leads everyone's
 * map, unless they stop following.
 */
export function PresentControls({ parts }: { parts: JourneyParts }) {
  const { t } = useTranslation();
  const app = useApp();
  const presenting = useEditor((s) => s.presenting);
  const order = parts.stages.map((s) => s.id);
  const at = presenting ? order.indexOf(presenting) : -1;
  const live = useLiveJourney(parts.journey.id);
  const journeyId = parts.journey.id;

  // Presenting in a live session leads the others' maps; it stops leading if it started to.
  const leadsForPresent = useRef(false);
  const host = !!live && live.role !== 'guest';
  const leading = live?.leading ?? false;
  useEffect(() => {
    if (!host) return;
    if (presenting !== null && !leading) {
      leadsForPresent.current = true;
      void app.liveSessions().then((r) => r.lead(journeyId, true, null));
    } else if (presenting === null && leadsForPresent.current) {
      leadsForPresent.current = false;
      void app.liveSessions().then((r) => r.lead(journeyId, false, null));
    }
  }, [app, host, leading, presenting, journeyId]);

  const start = () => {
    const selected = app.editor.getState().selectedCards[0];
    const card = selected ? app.workspace.getDoc().cards[selected] : undefined;
    startPresenting(app.editor, order, card?.stageId ?? null);
  };
  // In a live room, presenting leads everyone: the facilitator's alone.
  if (live && !host) return null;
  return (
    <>
      <button
        type="button"
        className="button"
        aria-pressed={presenting !== null}
        data-shortcut="p"
        aria-keyshortcuts="P"
        title={t('present.hint')}
        onClick={() => (presenting !== null ? stopPresenting(app.editor) : start())}
      >
        {t('present.button')}
      </button>
      {presenting !== null && at >= 0 && (
        <span className="present-controls">
          <button
            type="button"
            className="button button--icon"
            aria-label={t('present.previous')}
            disabled={at === 0}
            onClick={() => presentStep(app.editor, order, -1)}
          >
            ◀
          </button>
          <span role="status" className="present-controls__where">
            {t('present.where', { n: at + 1, count: order.length, name: parts.stages[at]!.name })}
          </span>
          <button
            type="button"
            className="button button--icon"
            aria-label={t('present.next')}
            disabled={at === order.length - 1}
            onClick={() => presentStep(app.editor, order, 1)}
          >
            ▶
          </button>
        </span>
      )}
    </>
  );
}
