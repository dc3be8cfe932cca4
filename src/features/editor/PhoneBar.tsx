import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { votable as inVote } from '../../domain/vote';
import { spendDot } from '../workshop/vote-share';
import { useApp, useEditor, useWorkspace } from '../../app/app-context';
import { addCard, updateCard } from '../../domain/card-commands';
import { randomId } from '../../domain/ids';
import type { JourneyParts } from '../../domain/queries';
import { KIND_FIELDS, LIMITS, type Id } from '../../domain/types';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { run, undoIn } from './editor-actions';
import { selectCards } from './editor-state';
import { SelectField } from './fields';
import { DotsLeft } from '../workshop/DotsLeft';
import './phone-editor.css';

/** A cell to add to: the selected card's, else the one last added to, else the first. */
function defaultCell(parts: JourneyParts, selected: Id | undefined, last: { stageId: Id; laneId: Id } | null) {
  const card = selected ? parts.cards.find((c) => c.id === selected) : undefined;
  if (card) return { stageId: card.stageId, laneId: card.laneId };
  const has = (cell: { stageId: Id; laneId: Id }) =>
    parts.stages.some((s) => s.id === cell.stageId) && parts.lanes.some((l) => l.id === cell.laneId);
  if (last && has(last)) return last;
  return { stageId: parts.stages[0]?.id ?? '', laneId: parts.lanes[0]?.id ?? '' };
}

function AddCardSheet({
  parts,
  initial,
  onAdded,
  onClose,
}: {
  parts: JourneyParts;
  initial: { stageId: Id; laneId: Id };
  onAdded: (cell: { stageId: Id; laneId: Id }) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const app = useApp();
  const [stageId, setStageId] = useState(initial.stageId);
  const [laneId, setLaneId] = useState(initial.laneId);
  const [title, setTitle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const id = randomId();
    if (!run(app, addCard({ id, journeyId: parts.journey.id, stageId, laneId, title: title.trim() }))) return;
    selectCards(app.editor, [id]);
    onAdded({ stageId, laneId });
    onClose();
  };
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('phone.addCard')}>
      <form className="form" onSubmit={submit}>
        <SelectField
          label={t('phone.stage')}
          value={stageId}
          options={parts.stages.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v) => v && setStageId(v)}
        />
        <SelectField
          label={t('phone.lane')}
          value={laneId}
          options={parts.lanes.map((l) => ({ value: l.id, label: l.title?.trim() || t(`lane.${l.kind}`) }))}
          onChange={(v) => v && setLaneId(v)}
        />
        <TextField
          label={t('details.title')}
          value={title}
          maxLength={LIMITS.cardTitleLength}
          autoFocus
          onChange={setTitle}
        />
        <DialogButtons cancel={t('phone.cancel')} submit={t('phone.add')} />
      </form>
    </Dialog>
  );
}

/**
 * The editor's actions on a phone, in reach of a thumb: add a card (to a stage and lane chosen
 * from two lists), edit the selected one in a sheet, vote for it, undo.
 */
export function PhoneBar({ parts, onEdit }: { parts: JourneyParts; onEdit: () => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const journeyId = parts.journey.id;
  const selectedId = useEditor((s) => (s.selectedCards.length === 1 ? s.selectedCards[0] : undefined));
  const selected = selectedId ? parts.cards.find((c) => c.id === selectedId) : undefined;
  const lane = selected ? parts.lanes.find((l) => l.id === selected.laneId) : undefined;
  // During a dot vote the button spends this person's dot; otherwise it counts a vote on an opportunity.
  const board = useStore(app.votes, (st) =>
    st.board?.journeyId === journeyId && st.board.setup.open ? st.board : null,
  );
  const dotVote = !!board && !!lane && inVote(board.setup, lane.kind);
  const votable = dotVote ? board!.left !== 0 : !board && !!lane && KIND_FIELDS[lane.kind].includes('votes');
  const shownVotes = dotVote ? (board!.mine[selected!.id] ?? 0) : (selected?.votes ?? 0);
  const vote = () => {
    if (!selected) return;
    if (dotVote) spendDot(board!.share, journeyId, selected.id, true);
    else run(app, updateCard(selected.id, { votes: (selected.votes ?? 0) + 1 }));
  };
  const canUndo = useWorkspace((s) => (s.histories[journeyId]?.past.length ?? 0) > 0);
  const [adding, setAdding] = useState(false);
  const [lastCell, setLastCell] = useState<{ stageId: Id; laneId: Id } | null>(null);
  return (
    <div className="phone-bar" role="toolbar" aria-label={t('phone.bar')}>
      {/* As on a larger screen, a vote says how many dots are left, above the thumb's reach. */}
      {board && <DotsLeft board={board} className="phone-bar__dots" />}
      <button type="button" className="button button--primary" onClick={() => setAdding(true)}>
        {t('phone.addCard')}
      </button>
      <button type="button" className="button" disabled={!selected} onClick={onEdit}>
        {t('phone.editCard')}
      </button>
      <button
        type="button"
        className="button"
        disabled={!votable}
        title={t('phone.vote', { count: shownVotes })}
        onClick={vote}
      >
        {t('phone.voteShort', { count: votable || dotVote ? shownVotes : 0 })}
      </button>
      <button type="button" className="button" disabled={!canUndo} onClick={() => undoIn(app, journeyId)}>
        {t('editor.undo')}
      </button>
      {adding && (
        <AddCardSheet
          parts={parts}
          initial={defaultCell(parts, selectedId, lastCell)}
          onAdded={setLastCell}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
