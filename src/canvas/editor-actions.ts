import {
  addCard,
  cardContent,
  deleteCards,
  duplicateCards,
  moveCards,
  pasteCards,
  setEmotionScore,
} from '../domain/card-commands';
import { stepTarget, type StepDirection } from '../domain/card-steps';
import type { Command } from '../domain/command';
import { runOrToast } from '../app/commands';
import type { DispatchOptions } from '../store/workspace-store';
import { i18n } from '../i18n';
import { showToast } from '../ui/toast-store';
import { deleteConnection } from '../domain/connection-commands';
import { randomId } from '../domain/ids';
import { cellCards } from '../domain/journey-parts';
import type { CardRec, Id } from '../domain/types';
import { workspace } from '../store';
import { cardClipboard, clearSelection, editorState, selectCards } from './editor-state';

/** Runs a command on the open workspace; a refusal is said in a toast. True when it ran. */
export function run(command: Command, options?: DispatchOptions): boolean {
  return runOrToast(workspace, command, options).ok;
}

/** Adds a card and selects it with `Card details` › `Title` focused, so typing names it. */
export function addCardTo(journeyId: Id, stageId: Id, laneId: Id, index?: number): Id {
  const id = randomId();
  if (run(addCard({ id, journeyId, stageId, laneId, index }))) {
    editorState.setState({ selectedCards: [id], selectedConnection: null, inlineEditing: null, focusTitle: id });
  }
  return id;
}

/** The place right after a card, in its cell. */
function slotAfter(anchor: CardRec): { stageId: Id; laneId: Id; index: number } {
  const siblings = cellCards(workspace.getDoc(), anchor.stageId, anchor.laneId);
  return { stageId: anchor.stageId, laneId: anchor.laneId, index: siblings.findIndex((c) => c.id === anchor.id) + 1 };
}

/** Adds a card right after the selected one, in its cell: the next sticky of a workshop. */
export function addCardAfterSelection(): boolean {
  const { selectedCards, journeyId } = editorState.getState();
  const anchor = selectedCards.length === 1 ? workspace.getDoc().cards[selectedCards[0]!] : undefined;
  if (!journeyId || !anchor) return false;
  const slot = slotAfter(anchor);
  addCardTo(journeyId, slot.stageId, slot.laneId, slot.index);
  return true;
}

/** Leaves `Card details` for the map: the selection is cleared and the card keeps the focus. */
export function leaveDetails(): void {
  const [id] = editorState.getState().selectedCards;
  clearSelection();
  const node = id ? document.querySelector<HTMLElement>(`.react-flow__node[data-id="${CSS.escape(id)}"] .card`) : null;
  if (node) node.focus({ preventScroll: true });
  else (document.activeElement as HTMLElement | null)?.blur();
}

export function deleteSelection(): void {
  const { selectedCards, selectedConnection } = editorState.getState();
  if (selectedCards.length > 0) {
    if (run(deleteCards(selectedCards))) clearSelection();
  } else if (selectedConnection) {
    if (run(deleteConnection(selectedConnection))) clearSelection();
  }
}

export function copySelection(): void {
  const doc = workspace.getDoc();
  const items = editorState
    .getState()
    .selectedCards.map((id) => doc.cards[id])
    .filter((c) => c !== undefined)
    .map(cardContent);
  if (items.length === 0) return;
  cardClipboard.items = items;
  showToast(i18n.t('editor.copied', { count: items.length }));
}

/** Pastes after the selected card, in its cell. */
export function pasteClipboard(): void {
  const { selectedCards, journeyId } = editorState.getState();
  const anchor = workspace.getDoc().cards[selectedCards[selectedCards.length - 1] ?? ''];
  if (!journeyId || !anchor || cardClipboard.items.length === 0) return;
  const ids = cardClipboard.items.map(() => randomId());
  const target = { journeyId, ...slotAfter(anchor) };
  if (run(pasteCards(cardClipboard.items, target, ids))) selectCards(ids);
}

export function duplicateSelection(): void {
  const { selectedCards } = editorState.getState();
  if (selectedCards.length === 0) return;
  const ids = selectedCards.map(() => randomId());
  if (run(duplicateCards(selectedCards, ids))) selectCards(ids);
}

export function nudgeEmotion(delta: number): boolean {
  const { selectedCards } = editorState.getState();
  if (selectedCards.length !== 1) return false;
  const card = workspace.getDoc().cards[selectedCards[0]!];
  if (!card || card.score === undefined) return false;
  const next = Math.max(-2, Math.min(2, card.score + delta));
  if (next !== card.score) run(setEmotionScore(card.id, next));
  return true;
}

/** Moves the one selected card a step (Alt+arrow): what a drag does, for the keyboard. */
export function stepSelection(direction: StepDirection): boolean {
  const { selectedCards } = editorState.getState();
  if (selectedCards.length !== 1) return false;
  const id = selectedCards[0]!;
  const target = stepTarget(workspace.getDoc(), id, direction);
  if (target) run(moveCards([id], target));
  // At an edge nothing moves, and the key still does nothing else (Alt+Left is the browser's Back).
  return true;
}
