import { Handle, Position } from '@xyflow/react';
import { memo, useId, type KeyboardEvent } from 'react';
import { updateCard } from '../../domain/card-commands';
import { i18n } from '../../i18n';
import { InlineText } from '../../ui/InlineText';
import { useBeginCardDrag } from '../card-drag';
import { run } from '../../features/editor/editor-actions';
import { selectCards } from '../../features/editor/editor-state';
import { metricStatus } from '../../domain/metrics';
import { LIMITS, type CardRec, type JourneyState, type LaneKind } from '../../domain/types';
import { metricStatusText } from '../../export/card-details';
import { HANDLE, type CardNode as CardNodeType } from '../flow-model';
import { CHANNEL_ICONS, LANE_COLORS, SCORE_FACES } from '../visuals';
import { useApp, useWorkspace } from '../../app/app-context';
import { useStore } from 'zustand';
import { cardHolders } from '../../features/editor/use-field-lock';

// Card nodes read messages without a per-node i18n subscription: a map holds a thousand of them.
// The canvas is keyed by language, so a change of language draws every node anew.
const t = i18n.t.bind(i18n);
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(language: string): Intl.NumberFormat {
  let f = formats.get(language);
  if (!f) formats.set(language, (f = new Intl.NumberFormat(language)));
  return f;
}

function KindDetails({ card, kind, state }: { card: CardRec; kind: LaneKind; state?: JourneyState }) {
  const num = (n: number) => numberFormat(i18n.language).format(n);
  switch (kind) {
    case 'touchpoints':
      return card.channel ? (
        <span className="chip">
          <span aria-hidden="true">{CHANNEL_ICONS[card.channel]}</span> {t(`channel.${card.channel}`)}
        </span>
      ) : null;
    case 'emotions': {
      const score = String(card.score ?? 0);
      return (
        <span className="chip chip--score">
          <span aria-hidden="true">{SCORE_FACES[score]}</span> {t(`score.${score}`)}
        </span>
      );
    }
    case 'painPoints':
      return card.severity ? (
        <span className={`chip chip--severity-${card.severity}`}>{t(`severity.${card.severity}`)}</span>
      ) : null;
    case 'opportunities':
      return (
        <>
          {card.impact !== undefined && <span className="chip">{t('card.impact', { value: card.impact })}</span>}
          {card.effort !== undefined && <span className="chip">{t('card.effort', { value: card.effort })}</span>}
          {card.status && <span className={`chip chip--status-${card.status}`}>{t(`status.${card.status}`)}</span>}
          {card.votes !== undefined && <span className="chip">▲ {t('card.votes', { count: card.votes })}</span>}
          {card.owner && <span className="chip chip--owner">{t('card.owner', { owner: card.owner })}</span>}
        </>
      );
    case 'metrics': {
      const status = metricStatus(card, state);
      const words = metricStatusText(status);
      const unit = card.unit ?? '';
      return (
        <>
          {card.metric && <span className="chip chip--metric">{t(`metric.${card.metric}`)}</span>}
          {card.value !== undefined && (
            <span className="metric-value">
              {num(card.value)}
              {unit}
              {card.target !== undefined && (
                <span className="metric-target">
                  {' / '}
                  {num(card.target)}
                  {unit}
                </span>
              )}
            </span>
          )}
          {words !== null && (
            <span className={`chip chip--${status}`}>
              {status === 'met' ? '✓ ' : status === 'notMet' ? '✗ ' : ''}
              {words}
            </span>
          )}
        </>
      );
    }
    // Kinds with no fields of their own, named so a new kind must be placed here or above.
    case 'actions':
    case 'goals':
    case 'thoughts':
    case 'backstage':
    case 'notes':
      return null;
  }
}

/**
 * Below this zoom a card's chips are under 3 px tall and cannot be read: cards then draw only
 * their title, which keeps maps of a thousand cards quick to open and to drag.
 */
export const DETAIL_ZOOM = 0.25;

type CardViewProps = Omit<CardNodeType['data'], 'cardId'> & { card: CardRec; selected: boolean };

/** A card on the map: a focusable button named "<lane>: <title>", styled by its kind. */
export const CardView = memo(function CardView({
  card,
  kind,
  laneTitle,
  editing,
  handles,
  detailed,
  selected,
}: CardViewProps) {
  const app = useApp();
  const title = card.title.trim() === '' ? t('card.untitled') : card.title;
  // Others in a live session who have this card selected (a string, so other cards do not redraw).
  const others = useStore(app.live, (s) =>
    JSON.stringify(
      (s.journeys[card.journeyId]?.participants ?? [])
        .filter((p) => !p.me && p.selected === card.id)
        .map((p) => [p.name, p.color]),
    ),
  );
  const watchers = JSON.parse(others) as [string, string][];
  // Others typing in this card's fields in `Card details` (a string, so other cards do not redraw).
  const holders = useStore(app.live, (s) => cardHolders(s, card.journeyId, card.id));
  const held = holders ? holders.split('\n').map((line) => line.split('\u0000') as [string, string]) : [];
  const editors = [...new Set(held.map(([, name]) => name))];
  // Someone else holds the title: it is not edited in place here (Card details says who has it).
  const titleHeld = held.some(([field]) => field === 'title');
  const factsId = useId();
  // Only a metric's words depend on its journey (a future state's figures are targets to reach).
  const journeyState = useWorkspace((s) => (kind === 'metrics' ? s.doc.journeys[card.journeyId]?.state : undefined));
  const beginDrag = useBeginCardDrag();

  // Enter selects a card; on a selected card it edits the title in place (so does F2).
  const onKeyDown = (e: KeyboardEvent) => {
    // Ctrl/Cmd+Enter is the editor's "next card", never an edit of this one.
    if (editing || e.ctrlKey || e.metaKey) return;
    if (e.key === 'Enter' || e.key === 'F2') {
      e.preventDefault();
      e.stopPropagation();
      if ((selected || e.key === 'F2') && !titleHeld)
        app.editor.setState({ selectedCards: [card.id], inlineEditing: card.id });
      else selectCards(app.editor, [card.id]);
    }
  };

  return (
    <div
      role="button"
      tabIndex={0}
      aria-label={`${laneTitle}: ${card.title}`}
      aria-pressed={selected}
      aria-describedby={detailed ? factsId : undefined}
      className={`card card--${kind}${selected ? ' card--selected' : ''} nopan`}
      style={{
        borderTopColor: LANE_COLORS[kind],
        ...(watchers.length ? { boxShadow: `inset 0 0 0 3px ${watchers[0]![1]}` } : {}),
      }}
      title={card.title}
      onKeyDown={onKeyDown}
      onPointerDown={editing ? undefined : (e) => beginDrag(e, card.id)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        app.editor.setState({ selectedCards: [card.id], inlineEditing: titleHeld ? null : card.id });
      }}
    >
      {(handles & HANDLE.in) !== 0 && (
        <Handle id="in" type="target" position={Position.Left} className="card__handle" />
      )}
      {(handles & HANDLE.inBottom) !== 0 && (
        <Handle
          id="in-bottom"
          type="target"
          position={Position.Bottom}
          className="card__handle card__handle--hidden"
          isConnectable={false}
        />
      )}
      {watchers.length > 0 && (
        <span className="card__watchers" style={{ background: watchers[0]![1] }}>
          {watchers.map(([name]) => name).join(', ')}
        </span>
      )}
      {editors.length > 0 && (
        <span className="card__editing">{t('card.editing', { names: editors.join(', '), count: editors.length })}</span>
      )}
      {editing ? (
        <InlineText
          multiline
          value={card.title}
          label={t('editor.cardTitle')}
          maxLength={LIMITS.cardTitleLength}
          onCommit={(text) => {
            if (text !== card.title) run(app, updateCard(card.id, { title: text }));
            app.editor.setState({ inlineEditing: null });
          }}
          onCancel={() => app.editor.setState({ inlineEditing: null })}
        />
      ) : (
        <div className="card__title" dir="auto">
          {title}
        </div>
      )}
      {detailed && (
        // A card's name is "<lane>: <title>" (the UI contract); its chips are its description.
        <div className="card__footer" id={factsId}>
          <KindDetails card={card} kind={kind} state={journeyState} />
          {card.evidence && (
            <span className={`chip chip--evidence chip--${card.evidence}`}>{t(`evidence.${card.evidence}`)}</span>
          )}
        </div>
      )}
      {(handles & HANDLE.out) !== 0 && (
        <Handle id="out" type="source" position={Position.Right} className="card__handle" />
      )}
      {(handles & HANDLE.outBottom) !== 0 && (
        <Handle
          id="out-bottom"
          type="source"
          position={Position.Bottom}
          className="card__handle card__handle--hidden"
          isConnectable={false}
        />
      )}
    </div>
  );
});
