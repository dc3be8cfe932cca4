import type { App } from '../../app/create-app';
import { runOrToast } from '../../app/commands';
import {
  addCard,
  cardContent,
  deleteCards,
  duplicateCards,
  moveCards,
  pasteCards,
  setEmotionScore,
} from '../../domain/card-commands';
import { stepTarget, type StepDirection } from '../../domain/card-steps';
import type { Command } from '../../domain/command';
import { deleteConnection } from '../../domain/connection-commands';
import { randomId } from '../../domain/ids';
import { cellCards } from '../../domain/journey-parts';
import { SCORE_RANGE, type CardRec, type Id } from '../../domain/types';
import { i18n } from '../../i18n';
import { redoStep, undoStep, type DispatchOptions } from '../../store/workspace-store';
import { clearSelection, selectCards } from './editor-state';

/** What the editor's actions act on: the app's document, editor session, clipboard and messages. */
export type EditorApp = Pick<App, 'workspace' | 'editor' | 'clipboard' | 'toasts'>;

/**
 * Runs a command on the open journey; a refusal (a journey joined by a view link among them) is
 * said in a toast. True when it ran.
 */
export function run(app: Pick<App, 'workspace' | 'toasts'>, command: Command, options?: DispatchOptions): boolean {
  return runOrToast(app, command, options).ok;
}

/** Adds a card and selects it with `Card details` › `Title` focused, so typing names it. */
export function addCardTo(app: EditorApp, journeyId: Id, stageId: Id, laneId: Id, index?: number): Id {
  const id = randomId();
  if (run(app, addCard({ id, journeyId, stageId, laneId, index }))) {
    app.editor.setState({ selectedCards: [id], selectedConnection: null, inlineEditing: null, focusTitle: id });
  }
  return id;
}

/** The place right after a card, in its cell. */
function slotAfter(app: EditorApp, anchor: CardRec): { stageId: Id; laneId: Id; index: number } {
  const siblings = cellCards(app.workspace.getDoc(), anchor.stageId, anchor.laneId);
  return { stageId: anchor.stageId, laneId: anchor.laneId, index: siblings.findIndex((c) => c.id === anchor.id) + 1 };
}

/** Adds a card right after the selected one, in its cell: the next sticky of a workshop. */
export function addCardAfterSelection(app: EditorApp): boolean {
  const { selectedCards, journeyId } = app.editor.getState();
  const anchor = selectedCards.length === 1 ? app.workspace.getDoc().cards[selectedCards[0]!] : undefined;
  if (!journeyId || !anchor) return false;
  const slot = slotAfter(app, anchor);
  addCardTo(app, journeyId, slot.stageId, slot.laneId, slot.index);
  return true;
}

/** Leaves `Card details` for the map: the selection is cleared and the card keeps the focus. */
export function leaveDetails(app: EditorApp): void {
  const [id] = app.editor.getState().selectedCards;
  clearSelection(app.editor);
  const node = id ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"] .card`) : null;
  if (node) node.focus({ preventScroll: true });
  else (document.activeElement as HTMLElement | null)?.blur();
}

export function deleteSelection(app: EditorApp): void {
  const { selectedCards, selectedConnection } = app.editor.getState();
  if (selectedCards.length > 0) {
    if (run(app, deleteCards(selectedCards))) clearSelection(app.editor);
  } else if (selectedConnection) {
    if (run(app, deleteConnection(selectedConnection))) clearSelection(app.editor);
  }
}

export function copySelection(app: EditorApp): void {
  const doc = app.workspace.getDoc();
  const items = app.editor
    .getState()
    .selectedCards.map((id) => doc.cards[id])
    .filter((c) => c !== undefined)
    .map(cardContent);
  if (items.length === 0) return;
  app.clipboard.items = items;
  app.toasts.show(i18n.t('editor.copied', { count: items.length }));
}

/** Pastes after the selected card, in its cell. */
export function pasteClipboard(app: EditorApp): void {
  const { selectedCards, journeyId } = app.editor.getState();
  const anchor = app.workspace.getDoc().cards[selectedCards[selectedCards.length - 1] ?? ''];
  const { items } = app.clipboard;
  if (!journeyId || !anchor || items.length === 0) return;
  const ids = items.map(() => randomId());
  const target = { journeyId, ...slotAfter(app, anchor) };
  if (run(app, pasteCards(items, target, ids))) selectCards(app.editor, ids);
}

export function duplicateSelection(app: EditorApp): void {
  const { selectedCards } = app.editor.getState();
  if (selectedCards.length === 0) return;
  const ids = selectedCards.map(() => randomId());
  if (run(app, duplicateCards(selectedCards, ids))) selectCards(app.editor, ids);
}

export function nudgeEmotion(app: EditorApp, delta: number): boolean {
  const { selectedCards } = app.editor.getState();
  if (selectedCards.length !== 1) return false;
  const card = app.workspace.getDoc().cards[selectedCards[0]!];
  if (!card || card.score === undefined) return false;
  const next = Math.max(SCORE_RANGE.min, Math.min(SCORE_RANGE.max, card.score + delta));
  if (next !== card.score) run(app, setEmotionScore(card.id, next));
  return true;
}

/** Moves the one selected card a step (Alt+arrow): what a drag does, for the keyboard. */
export function stepSelection(app: EditorApp, direction: StepDirection): boolean {
  const { selectedCards } = app.editor.getState();
  if (selectedCards.length !== 1) return false;
  const id = selectedCards[0]!;
  const target = stepTarget(app.workspace.getDoc(), id, direction);
  if (target) run(app, moveCards([id], target));
  // At an edge nothing moves, and the key still does nothing else (Alt+Left is the browser's Back).
  return true;
}

/**
 * Undo in a journey: this person's own history of it, alone or live (the others' later changes
 * stay; a step whose record someone deleted is skipped). A refusal (view only) is said in a toast.
 */
export function undoIn(app: Pick<App, 'workspace' | 'toasts'>, journeyId: Id, redo = false): void {
  runOrToast(app, redo ? redoStep(journeyId) : undoStep(journeyId));
}
