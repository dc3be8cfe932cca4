import { useEffect, useId, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
import { useApp, useEditor, useWorkshop } from '../../app/app-context';
import { toggleParking } from './workshop-state';
import type { SessionShare } from '../../app/session-share';
import { IDEA_TYPE } from '../../canvas/idea-drop';
import { captureCell } from '../../domain/capture';
import type { JourneyParts } from '../../domain/queries';
import { LIMITS } from '../../domain/types';
import { park, PARKED_MAX, placeIdea, readParked, unpark, type ParkedIdea } from './parking-lot';

/**
 * The parking lot beside the map: ideas the room has no cell for yet. Typed (Enter) or pasted
 * (one idea per line); dragged onto the map, or placed from the keyboard in Quick capture's cell.
 */
export function ParkingLot({ parts, share }: { parts: JourneyParts; share: SessionShare }) {
  const { t } = useTranslation();
  const app = useApp();
  const journeyId = parts.journey.id;
  const headingId = useId();
  const [text, setText] = useState('');
  const [ideas, setIdeas] = useState<ParkedIdea[]>(() => readParked(share, journeyId));
  useEffect(() => {
    const read = () => setIdeas(readParked(share, journeyId));
    read();
    return share.subscribe(read);
  }, [share, journeyId]);
  const viewOnly = useViewOnly(journeyId);
  const cell = useEditor((s) => s.captureCell);
  const target = captureCell(parts.stages, parts.lanes, cell);
  const open = useWorkshop((w) => w.parkingOpen);
  const input = useRef<HTMLInputElement>(null);
  const opened = useRef(false);
  // Opened from its button or with K: ready for typing.
  useEffect(() => {
    if (open && opened.current) input.current?.focus();
    opened.current = false;
  }, [open]);
  const where = target ? `${target.lane.title?.trim() || t(`lane.${target.lane.kind}`)} · ${target.stage.name}` : '';

  const add = (value: string) => {
    if (value.trim() === '') return true;
    if (park(share, journeyId, value)) return true;
    app.toasts.show(t('parking.full', { max: PARKED_MAX }), { tone: 'error' });
    return false;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    e.preventDefault();
    if (add(text)) setText('');
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(pasted.trim())) return;
    e.preventDefault();
    add(pasted);
  };

  const toggle = (
    <button
      type="button"
      className="button parking-lot__toggle"
      aria-expanded={open}
      data-shortcut={open ? undefined : 'k'}
      aria-keyshortcuts="K"
      onClick={() => {
        opened.current = !open;
        toggleParking(app.workshop);
      }}
    >
      {t('parking.title')} <span className="parking-lot__count">{ideas.length}</span>
    </button>
  );
  if (!open) return <div className="parking-lot parking-lot--closed">{toggle}</div>;
  return (
    <aside className="parking-lot" aria-labelledby={headingId}>
      <div className="parking-lot__head">
        <h2 id={headingId} className="parking-lot__title">
          {t('parking.title')} <span className="parking-lot__count">{ideas.length}</span>
        </h2>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('parking.close')}
          title={t('parking.close')}
          onClick={() => toggleParking(app.workshop)}
        >
          ×
        </button>
      </div>
      {!viewOnly && (
        <input
          ref={input}
          className="input"
          dir="auto"
          aria-label={t('parking.add')}
          data-shortcut="k"
          aria-keyshortcuts="K"
          placeholder={t('parking.placeholder')}
          maxLength={LIMITS.cardTitleLength}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      )}
      {ideas.length === 0 ? (
        <p className="parking-lot__empty">{t('parking.empty')}</p>
      ) : (
        <ul className="parking-lot__list" aria-labelledby={headingId}>
          {ideas.map((idea) => (
            <li
              key={idea.id}
              className="parking-lot__idea"
              draggable={!viewOnly}
              title={viewOnly ? undefined : t('parking.dragHint')}
              onDragStart={(e) => {
                e.dataTransfer.setData(IDEA_TYPE, idea.id);
                e.dataTransfer.setData('text/plain', idea.title);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <span className="parking-lot__text" dir="auto">
                {idea.title}
              </span>
              {!viewOnly && target && (
                <span className="parking-lot__actions">
                  <button
                    type="button"
                    className="button button--icon"
                    aria-label={t('parking.place', { title: idea.title, where })}
                    title={t('parking.place', { title: idea.title, where })}
                    onClick={() =>
                      placeIdea(app, share, journeyId, idea.id, { stageId: target.stage.id, laneId: target.lane.id })
                    }
                  >
                    ↧
                  </button>
                  <button
                    type="button"
                    className="button button--icon"
                    aria-label={t('parking.remove', { title: idea.title })}
                    title={t('parking.remove', { title: idea.title })}
                    onClick={() => unpark(share, idea.id)}
                  >
                    ×
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
