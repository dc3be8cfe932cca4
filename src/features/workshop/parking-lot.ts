import type { SessionShare } from '../../app/session-share';
import { pasteCards } from '../../domain/card-commands';
import { linesToCards, type Cell } from '../../domain/capture';
import { randomId } from '../../domain/ids';
import { cellCards } from '../../domain/journey-parts';
import { LIMITS, type Id } from '../../domain/types';
import { run, type EditorApp } from '../editor/editor-actions';

const PARKED = 'park:';
/** The most ideas one parking lot holds: beyond that it is a backlog, not a parking lot. */
export const PARKED_MAX = 200;

/** An idea the room has no cell for yet; shared with the room in a live session. */
export interface ParkedIdea {
  id: string;
  title: string;
  notes?: string;
  at: number;
}

export function readParked(share: SessionShare, journeyId: Id): ParkedIdea[] {
  const ideas: ParkedIdea[] = [];
  for (const [key, value] of share.entries(PARKED)) {
    const v = value as Partial<ParkedIdea & { journeyId: string }> | null;
    if (!v || v.journeyId !== journeyId || typeof v.title !== 'string' || typeof v.at !== 'number') continue;
    ideas.push({
      id: key.slice(PARKED.length),
      title: v.title.slice(0, LIMITS.cardTitleLength),
      notes: typeof v.notes === 'string' ? v.notes.slice(0, LIMITS.notesLength) : undefined,
      at: v.at,
    });
  }
  return ideas.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** Parks the typed or pasted ideas, one per line; false (nothing parked) when the lot would overflow. */
export function park(share: SessionShare, journeyId: Id, text: string): boolean {
  const ideas = linesToCards(text);
  if (!ideas || readParked(share, journeyId).length + ideas.length > PARKED_MAX) return false;
  const now = Date.now();
  const changes: Record<string, unknown> = {};
  ideas.forEach((idea, i) => {
    changes[PARKED + randomId()] = { journeyId, title: idea.title, notes: idea.notes, at: now + i };
  });
  share.write(changes);
  return true;
}

export function unpark(share: SessionShare, ideaId: string): void {
  share.write({ [PARKED + ideaId]: undefined });
}

/**
 * A parked idea becomes a card in a cell (at `index`, else at the cell's end) and leaves the lot.
 * The card is made first: should the map refuse it, the idea stays parked.
 */
export function placeIdea(
  app: EditorApp,
  share: SessionShare,
  journeyId: Id,
  ideaId: string,
  cell: Cell & { index?: number },
): boolean {
  const idea = readParked(share, journeyId).find((i) => i.id === ideaId);
  if (!idea) return false;
  const index = cell.index ?? cellCards(app.workspace.getDoc(), cell.stageId, cell.laneId).length;
  const content = { title: idea.title, ...(idea.notes ? { notes: idea.notes } : {}) };
  const placed = run(
    app,
    pasteCards([content], { journeyId, stageId: cell.stageId, laneId: cell.laneId, index }, [randomId()]),
  );
  if (placed) unpark(share, ideaId);
  return placed;
}
