import { describe, expect, it } from 'vitest';
import {
  createEditorState,
  presentStep,
  stageBeside,
  startPresenting,
  stopPresenting,
} from '../../src/features/editor/editor-state';

describe('presenting stage by stage', () => {
  const order = ['s1', 's2', 's3'];

  it('moves to the next or previous stage and stays put at either end', () => {
    expect(stageBeside(order, 's1', 1)).toBe('s2');
    expect(stageBeside(order, 's3', 1)).toBe('s3');
    expect(stageBeside(order, 's1', -1)).toBe('s1');
    // A stage that went (deleted by someone else) restarts from the first; no stages, nothing.
    expect(stageBeside(order, 'gone', 1)).toBe('s1');
    expect(stageBeside([], 's1', 1)).toBeNull();
  });

  it('starts at the selected card’s stage or the first, steps, and ends', () => {
    const editor = createEditorState();
    startPresenting(editor, order, 's2');
    expect(editor.getState().presenting).toBe('s2');
    presentStep(editor, order, 1);
    expect(editor.getState().presenting).toBe('s3');
    stopPresenting(editor);
    expect(editor.getState().presenting).toBeNull();
    // Stepping when not presenting starts nothing.
    presentStep(editor, order, 1);
    expect(editor.getState().presenting).toBeNull();
    startPresenting(editor, order, 'not-a-stage');
    expect(editor.getState().presenting).toBe('s1');
  });
});
