import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
import { run, deleteSelection } from './editor-actions';
import { updateCard } from '../../domain/card-commands';
import type { CardChanges } from '../../domain/card-fields';
import { addConnection, deleteConnection } from '../../domain/connection-commands';
import { randomId } from '../../domain/ids';
import type { JourneyParts } from '../../domain/queries';
import { EVIDENCE, LIMITS, type CardRec, type LaneKind } from '../../domain/types';
import { CardKindFields } from './CardKindFields';
import { SelectField } from './fields';
import { CardLockContext, CardTextField, HoldersStatus, LostTextNotice } from './CardTextField';
import type { LostText } from './use-field-lock';
import { useEditor, useApp } from '../../app/app-context';

function useLaneTitle() {
  const { t } = useTranslation();
  return useCallback((kind: LaneKind, title?: string) => title?.trim() || t(`lane.${kind}`), [t]);
}

function Connections({ card, parts }: { card: CardRec; parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const laneTitle = useLaneTitle();
  const [target, setTarget] = useState('');
  const selectId = useId();
  const lanes = useMemo(() => new Map(parts.lanes.map((l) => [l.id, l])), [parts.lanes]);
  const nameOf = (c: CardRec | undefined) => {
    if (!c) return '';
    const lane = lanes.get(c.laneId);
    return `${lane ? laneTitle(lane.kind, lane.title) : ''}: ${c.title.trim() || t('card.untitled')}`;
  };
  const byId = useMemo(() => new Map(parts.cards.map((c) => [c.id, c])), [parts.cards]);
  // A thousand options drawn anew on every keystroke in this card's Title cost more than the
  // keystroke: they are kept while the other cards' names stay the same.
  const others = parts.cards.filter((c) => c.id !== card.id);
  const othersKey =
    parts.lanes.map((l) => `${l.id}\u0000${l.kind}\u0000${l.title ?? ''}`).join('\u0001') +
    '\u0002' +
    others.map((c) => `${c.id}\u0000${c.laneId}\u0000${c.title}`).join('\u0001');
  const options = useMemo(
    () =>
      others.map((c) => (
        <option key={c.id} value={c.id}>
          {nameOf(c)}
        </option>
      )),
    [othersKey, laneTitle], // eslint-disable-line react-hooks/exhaustive-deps -- `others` and `lanes` are what the key says
  );
  const mine = parts.connections.filter((x) => x.from === card.id || x.to === card.id);
  return (
    <div className="details__connections">
      <label htmlFor={selectId}>{t('details.connectTo')}</label>
      <div className="details__row">
        <select id={selectId} className="input" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">{t('details.chooseCard')}</option>
          {options}
        </select>
        <button
          type="button"
          className="button"
          disabled={!target}
          onClick={() => {
            if (target && run(app, addConnection({ id: randomId(), from: card.id, to: target }))) setTarget('');
          }}
        >
          {t('details.addConnection')}
        </button>
      </div>
      {mine.length > 0 && (
        <ul className="details__links">
          {mine.map((x) => {
            const other = byId.get(x.from === card.id ? x.to : x.from);
            const text =
              x.from === card.id
                ? t('details.linkTo', { name: nameOf(other) })
                : t('details.linkFrom', { name: nameOf(other) });
            return (
              <li key={x.id}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => app.editor.setState({ selectedCards: [], selectedConnection: x.id })}
                >
                  {text}
                  {x.label ? ` (${x.label})` : ''}
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('details.deleteConnectionNamed', { name: text })}
                  onClick={() => run(app, deleteConnection(x.id))}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function OneCard({ card, parts }: { card: CardRec; parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const laneTitle = useLaneTitle();
  const lane = parts.lanes.find((l) => l.id === card.laneId);
  const stage = parts.stages.find((s) => s.id === card.stageId);
  const focusTitle = useEditor((s) => s.focusTitle === card.id);
  const titleRef = useRef<HTMLTextAreaElement>(null);
  const statusId = useId();
  // What this participant typed in fields someone else held, offered back until dismissed.
  const [lost, setLost] = useState<LostText[]>([]);
  const locks = useMemo(
    () => ({
      statusId,
      onLost: (l: LostText) => setLost((all) => [...all.filter((x) => x.field !== l.field), l]),
    }),
    [statusId],
  );
  useEffect(() => {
    if (!focusTitle) return;
    titleRef.current?.focus();
    app.editor.setState({ focusTitle: null });
  }, [app.editor, focusTitle]);
  if (!lane) return null;
  // Typing in one field is one undo step (see MERGE_WINDOW_MS).
  const change = (changes: CardChanges, field: string) =>
    run(app, updateCard(card.id, changes), { mergeKey: `${card.id}:${field}` });
  return (
    <CardLockContext.Provider value={locks}>
      <p className="details__where">
        {laneTitle(lane.kind, lane.title)} · {stage?.name}
      </p>
      <HoldersStatus card={card} id={statusId} />
      {lost.map((l) => (
        <LostTextNotice
          key={l.field}
          message={t(`details.notKept.${l.field}`, { name: l.by })}
          text={l.text}
          onDismiss={() => setLost((all) => all.filter((x) => x.field !== l.field))}
        />
      ))}
      <CardTextField
        card={card}
        field="title"
        label={t('details.title')}
        value={card.title}
        maxLength={LIMITS.cardTitleLength}
        multiline
        enterKeeps
        inputRef={titleRef}
        write={(v) => change({ title: v }, 'title')}
      />
      <CardKindFields card={card} kind={lane.kind} change={change} />
      <CardTextField
        card={card}
        field="notes"
        label={t('details.notes')}
        value={card.notes ?? ''}
        maxLength={LIMITS.notesLength}
        multiline
        rows={4}
        write={(v) => change({ notes: v }, 'notes')}
      />
      <SelectField
        label={t('details.evidence')}
        value={card.evidence}
        options={EVIDENCE.map((v) => ({ value: v, label: t(`evidence.${v}`) }))}
        emptyLabel={t('details.notSet')}
        onChange={(v) => change({ evidence: v as CardRec['evidence'] }, 'evidence')}
      />
      <Connections card={card} parts={parts} />
      <button type="button" className="button button--danger" onClick={() => deleteSelection(app)}>
        {t('details.deleteCard')}
      </button>
    </CardLockContext.Provider>
  );
}

/** The side panel for the selection: every field of one card, or what several cards share. */
export function CardDetails({ parts }: { parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const selected = useEditor((s) => s.selectedCards);
  const cards = selected.map((id) => parts.cards.find((c) => c.id === id)).filter((c): c is CardRec => c !== undefined);
  const viewOnly = useViewOnly(parts.journey.id);
  if (cards.length === 0) return null;
  return (
    <section className="details" role="region" aria-label={t('details.region')}>
      <h2 className="details__heading">
        {cards.length === 1 ? t('details.region') : t('details.many', { count: cards.length })}
      </h2>
      {cards.length === 1 ? (
        // A viewer reads the card: its fields are shown, none can be changed.
        <fieldset className="details__fields" disabled={viewOnly}>
          <OneCard key={cards[0]!.id} card={cards[0]!} parts={parts} />
        </fieldset>
      ) : viewOnly ? null : (
        <button type="button" className="button button--danger" onClick={() => deleteSelection(app)}>
          {t('details.deleteCards', { count: cards.length })}
        </button>
      )}
    </section>
  );
}
