import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';
import type { CardContent } from '../domain/card-commands';
import type { Id } from '../domain/types';

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
});

export const editorState = createStore<EditorState>(() => freshState(null));

export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(editorState, selector);
}

/** The clipboard of copied cards (content only), shared by every journey of the tab. */
export const cardClipboard: { items: CardContent[] } = { items: [] };

export function openJourney(journeyId: Id): void {
  if (editorState.getState().journeyId === journeyId) return;
  editorState.setState(freshState(journeyId));
}

export function selectCards(ids: Id[]): void {
  editorState.setState({ selectedCards: ids, selectedConnection: null, inlineEditing: null });
}

export function selectConnection(id: Id | null): void {
  editorState.setState({ selectedCards: NO_CARDS, selectedConnection: id, inlineEditing: null });
}

export function clearSelection(): void {
  editorState.setState({ selectedCards: NO_CARDS, selectedConnection: null, inlineEditing: null, focusTitle: null });
}

export function toggleLane(laneId: Id): void {
  const { collapsedLanes } = editorState.getState();
  const next = { ...collapsedLanes };
  if (next[laneId]) delete next[laneId];
  else next[laneId] = true;
  editorState.setState({ collapsedLanes: next });
}

export function startRenaming(kind: 'stage' | 'lane', id: Id | null): void {
  editorState.setState({ renaming: id ? { kind, id } : null });
}
