import { pasteCards } from '../../domain/card-commands';
import { CAPTURE_MAX_LINES, linesToCards, type Cell } from '../../domain/capture';
import { randomId } from '../../domain/ids';
import { cellCards } from '../../domain/journey-parts';
import type { Id } from '../../domain/types';
import { i18n } from '../../i18n';
import { run, type EditorApp } from '../editor/editor-actions';

/**
 * Pasted text of several lines, into a cell: one card per line at the end of the cell, as one
 * undo step, and a message that says how many went where. False when nothing was pasted.
 */
export function pasteLines(app: EditorApp, journeyId: Id, cell: Cell, text: string): boolean {
  const cards = linesToCards(text);
  if (!cards) {
    app.toasts.show(i18n.t('capture.tooMany', { max: CAPTURE_MAX_LINES }), { tone: 'error' });
    return false;
  }
  if (cards.length === 0) return false;
  const doc = app.workspace.getDoc();
  const index = cellCards(doc, cell.stageId, cell.laneId).length;
  const ids = cards.map(() => randomId());
  if (!run(app, pasteCards(cards, { journeyId, ...cell, index }, ids))) return false;
  const lane = doc.lanes[cell.laneId];
  app.toasts.show(
    i18n.t('capture.added', {
      count: cards.length,
      lane: lane?.title?.trim() || (lane ? i18n.t(`lane.${lane.kind}`) : ''),
      stage: doc.stages[cell.stageId]?.name ?? '',
    }),
  );
  return true;
}
