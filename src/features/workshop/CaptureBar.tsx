import { useEffect, useId, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useEditor } from '../../app/app-context';
import { addCard } from '../../domain/card-commands';
import { captureCell, moveCell, type Cell } from '../../domain/capture';
import { randomId } from '../../domain/ids';
import type { JourneyParts } from '../../domain/queries';
import { LIMITS } from '../../domain/types';
import { run } from '../editor/editor-actions';
import { pasteLines } from './capture-actions';

const MOVES = {
  Tab: 'nextLane',
  ShiftTab: 'previousLane',
  CtrlArrowRight: 'nextStage',
  CtrlArrowLeft: 'previousStage',
} as const;

/**
 * Quick capture: a room's ideas typed straight into a cell. Enter adds the card and keeps the bar
 * ready; Tab / Shift+Tab go to the next or previous lane, Ctrl+→ / Ctrl+← to the next or previous
 * stage, Escape leaves the bar. Pasting several lines makes one card per line, as one undo step.
 */
export function CaptureBar({ parts }: { parts: JourneyParts }) {
  const { t } = useTranslation();
  const app = useApp();
  const hintId = useId();
  const [text, setText] = useState('');
  const cell = useEditor((s) => s.captureCell);
  const setCell = (captureCell: Cell) => app.editor.setState({ captureCell });
  const order = { stages: parts.stages.map((s) => s.id), lanes: parts.lanes.map((l) => l.id) };
  // The bar follows the card selected on the map: capture goes where the facilitator points.
  const selected = useEditor((s) => (s.selectedCards.length === 1 ? s.selectedCards[0] : undefined));
  const selectedCard = selected ? parts.cards.find((c) => c.id === selected) : undefined;
  const selectedStage = selectedCard?.stageId;
  const selectedLane = selectedCard?.laneId;
  useEffect(() => {
    if (selectedStage && selectedLane)
      app.editor.setState({ captureCell: { stageId: selectedStage, laneId: selectedLane } });
  }, [app.editor, selectedStage, selectedLane]);

  const target = captureCell(parts.stages, parts.lanes, cell);
  if (!target) return null;
  const { stage, lane } = target;
  const here: Cell = { stageId: stage.id, laneId: lane.id };
  const laneName = lane.title?.trim() || t(`lane.${lane.kind}`);
  const journeyId = parts.journey.id;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      const title = text.trim();
      if (title && run(app, addCard({ id: randomId(), journeyId, stageId: here.stageId, laneId: here.laneId, title })))
        setText('');
      return;
    }
    if (e.key === 'Escape') {
      e.currentTarget.blur();
      return;
    }
    const combo = `${e.ctrlKey || e.metaKey ? 'Ctrl' : ''}${e.shiftKey ? 'Shift' : ''}${e.key}` as keyof typeof MOVES;
    const move = MOVES[combo];
    if (move && !e.altKey) {
      e.preventDefault();
      setCell(moveCell(here, order, move));
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(pasted.trim())) return; // one line: typed into the bar as usual
    e.preventDefault();
    pasteLines(app, journeyId, here, pasted);
  };

  return (
    <div className="capture-bar">
      <label className="capture-bar__label">
        {t('capture.label')}
        <input
          className="input capture-bar__input"
          dir="auto"
          value={text}
          maxLength={LIMITS.cardTitleLength}
          aria-describedby={hintId}
          data-shortcut="n"
          aria-keyshortcuts="N"
          placeholder={t('capture.placeholder')}
          title={t('capture.hint')}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
        />
      </label>
      <span className="capture-bar__where" role="status" aria-label={t('capture.where')}>
        {laneName} · {stage.name}
      </span>
      {/* The keys, for screen readers here and for everyone in the shortcut sheet (?) and the tooltip. */}
      <span id={hintId} className="visually-hidden">
        {t('capture.hint')}
      </span>
    </div>
  );
}
