import { useEffect } from 'react';
import {
  addCardAfterSelection,
  copySelection,
  deleteSelection,
  leaveDetails,
  duplicateSelection,
  nudgeEmotion,
  pasteClipboard,
  stepSelection,
  undoIn,
} from './editor-actions';
import type { StepDirection } from '../../domain/card-steps';
import { clearSelection, presentStep, stopPresenting } from './editor-state';
import type { Id, Workspace } from '../../domain/types';
import { sortByOrder } from '../../domain/order';
import { pasteLines } from '../workshop/capture-actions';
import { useApp } from '../../app/app-context';

const STEPS = new Map<string, StepDirection>([
  ['ArrowUp', 'up'],
  ['ArrowDown', 'down'],
  ['ArrowLeft', 'left'],
  ['ArrowRight', 'right'],
]);

const PRESENT_KEYS = new Map<string, 1 | -1>([
  ['ArrowRight', 1],
  ['PageDown', 1],
  ['ArrowLeft', -1],
  ['PageUp', -1],
]);

const stageOrder = (doc: Workspace, journeyId: Id): Id[] =>
  sortByOrder(Object.values(doc.stages).filter((s) => s.journeyId === journeyId)).map((s) => s.id);

function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * The workshop's one-key shortcuts: the control marked `data-shortcut="<key>"` on screen now is
 * pressed (a field is focused), so a key does what its button does, and nothing when the button is
 * not there or disabled.
 */
function pressShortcut(key: string): boolean {
  const el = document.querySelector<HTMLElement>(`.editor [data-shortcut="${CSS.escape(key)}"]`);
  if (!el || (el as HTMLButtonElement).disabled) return false;
  if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') el.focus();
  else el.click();
  return true;
}

/**
 * The editor's keyboard: undo and redo of the open journey's own history (fields and canvas); the rest
 * only when no text field has the focus, so typing is never taken for a command.
 */
export function useEditorKeys(): void {
  const app = useApp();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const { journeyId } = app.editor.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (!journeyId) return;
        undoIn(app, journeyId, e.shiftKey);
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        if (journeyId) undoIn(app, journeyId, true);
        return;
      }
      if (mod && e.key === 'Enter' && !e.isComposing) {
        if (addCardAfterSelection(app)) e.preventDefault();
        return;
      }
      if (isTextEntry(e.target)) {
        // Fields of `Card details` save as they change: Escape is "done", as it is on the map.
        if (e.key === 'Escape' && !e.isComposing && (e.target as HTMLElement).closest('.editor__panel')) {
          e.preventDefault();
          leaveDetails(app);
        }
        return;
      }
      // Presenting: the arrows (and a clicker's pages) move between stages, Escape ends.
      if (app.editor.getState().presenting !== null && journeyId && !mod && !e.altKey) {
        const step = PRESENT_KEYS.get(e.key);
        if (step) {
          e.preventDefault();
          presentStep(app.editor, stageOrder(app.workspace.getDoc(), journeyId), step);
          return;
        }
        if (e.key === 'Escape') {
          e.preventDefault();
          stopPresenting(app.editor);
          clearSelection(app.editor);
          return;
        }
      }
      const hasSelection =
        app.editor.getState().selectedCards.length > 0 || app.editor.getState().selectedConnection !== null;
      if ((e.key === 'Delete' || e.key === 'Backspace') && hasSelection) {
        e.preventDefault();
        deleteSelection(app);
      } else if (e.key === '?' && !mod) {
        e.preventDefault();
        app.editor.setState({ shortcutsOpen: true });
      } else if (e.key === 'Escape') {
        clearSelection(app.editor);
      } else if (e.altKey && !mod && STEPS.has(e.key)) {
        if (stepSelection(app, STEPS.get(e.key)!)) e.preventDefault();
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        if (nudgeEmotion(app, e.key === 'ArrowUp' ? 1 : -1)) e.preventDefault();
      } else if (mod && key === 'c') {
        copySelection(app);
      } else if (mod && key === 'v') {
        // On a cell's ＋ the browser's paste goes on: its text becomes cards there (below).
        if ((e.target as Element).closest?.('.cell__add')) return;
        e.preventDefault();
        pasteClipboard(app);
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection(app);
      } else if (!mod && !e.altKey && key.length === 1 && pressShortcut(key)) {
        e.preventDefault();
      }
    };
    // Lines pasted on a cell's ＋ (a chat, a spreadsheet column): one card per line in that cell.
    const onPaste = (e: ClipboardEvent) => {
      const add = (e.target as Element | null)?.closest?.<HTMLElement>('.cell__add');
      const { journeyId } = app.editor.getState();
      const stageId = add?.dataset.stage;
      const laneId = add?.dataset.lane;
      if (!journeyId || !stageId || !laneId) return;
      e.preventDefault();
      const text = e.clipboardData?.getData('text/plain') ?? '';
      // No text: the cards copied here, as Ctrl+V pastes them anywhere on the map.
      if (text.trim()) pasteLines(app, journeyId, { stageId, laneId }, text);
      else pasteClipboard(app);
    };
    window.addEventListener('paste', onPaste);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('paste', onPaste);
    };
  }, [app]);
}
