import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CardContent } from '../../domain/card-commands';
import type { Id } from '../../domain/types';
import type { FitPreset } from '../../canvas/framing';
import type { Cell } from '../../domain/capture';

/**
 * What the editor shows and where the user is, kept apart from the document: never in history,
 * never stored.
 */
export interface EditorState {
  journeyId: Id | null;
  selectedCards: Id[];
  selectedConnection: Id | null;
  /** The card whose title is being edited on the canvas. */
  inlineEditing: Id | null;
  /** Set when a new card wants `Card details` › `Title` focused. */
  focusTitle: Id | null;
  collapsedLanes: Record<Id, true>;
  /** A stage or lane whose name is being edited in place. */
  renaming: { kind: 'stage' | 'lane'; id: Id } | null;
  /** The list of keyboard shortcuts is open. */
  shortcutsOpen: boolean;
  /** The stage being presented, one at a time, if any. */
  presenting: Id | null;
  /** A zoom preset asked for (the count tells a second ask of the same preset from the first). */
  fitPreset: { preset: FitPreset; count: number } | null;
  /** The cell Quick capture (and a parked idea placed from the keyboard) adds cards to. */
  captureCell: Cell | null;
}

// Shared empties: resetting to them changes nothing for selectors that compare by identity.
const NO_CARDS: Id[] = [];
const NO_LANES: Record<Id, true> = {};

const freshState = (journeyId: Id | null): EditorState => ({
  journeyId,
  selectedCards: NO_CARDS,
  selectedConnection: null,
  inlineEditing: null,
  focusTitle: null,
  collapsedLanes: NO_LANES,
  renaming: null,
  shortcutsOpen: false,
  presenting: null,
  fitPreset: null,
  captureCell: null,
});

/** The editor session of one app: a test or a second document has its own. */
export function createEditorState(): EditorStore {
  return createStore<EditorState>(() => freshState(null));
}

export type EditorStore = StoreApi<EditorState>;

/** The clipboard of copied cards (content only), shared by every journey of the tab. */
export interface CardClipboard {
  items: CardContent[];
}

export function openJourney(editor: EditorStore, journeyId: Id): void {
  if (editor.getState().journeyId === journeyId) return;
  editor.setState(freshState(journeyId));
}

export function selectCards(editor: EditorStore, ids: Id[]): void {
  editor.setState({ selectedCards: ids, selectedConnection: null, inlineEditing: null });
}

export function selectConnection(editor: EditorStore, id: Id | null): void {
  editor.setState({ selectedCards: NO_CARDS, selectedConnection: id, inlineEditing: null });
}

export function clearSelection(editor: EditorStore): void {
  editor.setState({ selectedCards: NO_CARDS, selectedConnection: null, inlineEditing: null, focusTitle: null });
}

export function toggleLane(editor: EditorStore, laneId: Id): void {
  const { collapsedLanes } = editor.getState();
  const next = { ...collapsedLanes };
  if (next[laneId]) delete next[laneId];
  else next[laneId] = true;
  editor.setState({ collapsedLanes: next });
}

export function startRenaming(editor: EditorStore, kind: 'stage' | 'lane', id: Id | null): void {
  editor.setState({ renaming: id ? { kind, id } : null });
}

/** The stage `step` places after (or before) `current` in `order`; the same one at either end. */
export function stageBeside(order: readonly Id[], current: Id | null, step: 1 | -1): Id | null {
  if (order.length === 0) return null;
  const at = current === null ? -1 : order.indexOf(current);
  if (at === -1) return order[0]!;
  return order[Math.min(order.length - 1, Math.max(0, at + step))]!;
}

/** Present starts at the selected card's stage, or the first. */
export function startPresenting(editor: EditorStore, order: readonly Id[], from: Id | null): void {
  editor.setState({ presenting: from && order.includes(from) ? from : (order[0] ?? null) });
}

export function presentStep(editor: EditorStore, order: readonly Id[], step: 1 | -1): void {
  const { presenting } = editor.getState();
  if (presenting !== null) editor.setState({ presenting: stageBeside(order, presenting, step) });
}

export function stopPresenting(editor: EditorStore): void {
  editor.setState({ presenting: null });
}

/** Asks the map to show a zoom preset (it stops presenting: the preset is the new frame). */
export function askFitPreset(editor: EditorStore, preset: FitPreset): void {
  const count = (editor.getState().fitPreset?.count ?? 0) + 1;
  editor.setState({ fitPreset: { preset, count }, presenting: null });
}
