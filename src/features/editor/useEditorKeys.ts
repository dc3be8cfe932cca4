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
} from '../../canvas/editor-actions';
import type { StepDirection } from '../../domain/card-steps';
import { clearSelection, editorState } from '../../canvas/editor-state';
import { workspace } from '../../store';

const STEPS = new Map<string, StepDirection>([
  ['ArrowUp', 'up'],
  ['ArrowDown', 'down'],
  ['ArrowLeft', 'left'],
  ['ArrowRight', 'right'],
]);

function isTextEntry(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}

/**
 * The editor's keyboard: undo and redo of the open journey's own history (fields and canvas); the rest
 * only when no text field has the focus, so typing is never taken for a command.
 */
export function useEditorKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (document.querySelector('[role="dialog"], [role="alertdialog"], [role="menu"]')) return;
      const { journeyId } = editorState.getState();
      if (mod && key === 'z') {
        e.preventDefault();
        if (!journeyId) return;
        if (e.shiftKey) workspace.redo(journeyId);
        else workspace.undo(journeyId);
        return;
      }
      if (mod && key === 'y') {
        e.preventDefault();
        if (journeyId) workspace.redo(journeyId);
        return;
      }
      if (mod && e.key === 'Enter' && !e.isComposing) {
        if (addCardAfterSelection()) e.preventDefault();
        return;
      }
      if (isTextEntry(e.target)) {
        // Fields of `Card details` save as they change: Escape is "done", as it is on the map.
        if (e.key === 'Escape' && !e.isComposing && (e.target as HTMLElement).closest('.editor__panel')) {
          e.preventDefault();
          leaveDetails();
        }
        return;
      }
      const hasSelection =
        editorState.getState().selectedCards.length > 0 || editorState.getState().selectedConnection !== null;
      if ((e.key === 'Delete' || e.key === 'Backspace') && hasSelection) {
        e.preventDefault();
        deleteSelection();
      } else if (e.key === '?' && !mod) {
        e.preventDefault();
        editorState.setState({ shortcutsOpen: true });
      } else if (e.key === 'Escape') {
        clearSelection();
      } else if (e.altKey && !mod && STEPS.has(e.key)) {
        if (stepSelection(STEPS.get(e.key)!)) e.preventDefault();
      } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        if (nudgeEmotion(e.key === 'ArrowUp' ? 1 : -1)) e.preventDefault();
      } else if (mod && key === 'c') {
        copySelection();
      } else if (mod && key === 'v') {
        e.preventDefault();
        pasteClipboard();
      } else if (mod && key === 'd') {
        e.preventDefault();
        duplicateSelection();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
