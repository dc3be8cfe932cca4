import { describe, expect, it } from 'vitest';
import { updateCard } from '../../src/domain/card-commands';
import { importDocument } from '../../src/domain/format/import-document';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { createJourney, deleteJourney } from '../../src/domain/journey-commands';
import { createWorkspaceStore, remoteRecords, undoStep, type ChangeSource } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { testContext } from '../helpers/workspace';

/** The appointment example in a store where `readOnly` journeys may not be changed by this person. */
function storeWhere(readOnly: Set<string>) {
  const store = createWorkspaceStore({ makeContext: testContext(), canChange: (id) => !readOnly.has(id) });
  const parsed = parseJourneyFile(readExample('appointment-reschedule.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  store.dispatch(importDocument(parsed.doc), { source: 'load' });
  return store;
}

describe('dispatch, the one way the document changes', () => {
  it('refuses a local change to a view-only journey whole, from whichever screen it comes', () => {
    const readOnly = new Set<string>();
    const store = storeWhere(readOnly);
    store.dispatch(updateCard('c1', { title: 'Mine, before the view link' }));
    readOnly.add('j-reschedule');
    const before = store.getDoc();
    expect(() => store.dispatch(updateCard('c1', { title: 'Not allowed' }))).toThrow('viewOnly');
    // The Journeys screen's delete, and an undo, are local changes too.
    expect(() => store.dispatch(deleteJourney('j-reschedule'))).toThrow('viewOnly');
    expect(() => store.dispatch(undoStep('j-reschedule'))).toThrow('viewOnly');
    expect(store.getDoc()).toBe(before);
    // Another journey is not held back by it.
    store.dispatch(
      createJourney({ id: 'free', title: 'Free', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }),
    );
    expect(store.getDoc().journeys.free).toBeDefined();
  });

  it('takes a room’s or a tab’s records into a view-only journey, outside any history', () => {
    const store = storeWhere(new Set(['j-reschedule']));
    const seen: ChangeSource[] = [];
    store.onChange((_c, source) => seen.push(source));
    const card = { ...store.getDoc().cards.c1!, title: 'From the room' };
    store.dispatch(remoteRecords({ puts: { cards: [card] }, deletes: {} }), { source: 'live' });
    store.dispatch(remoteRecords({ puts: { cards: [{ ...card, title: 'From a tab' }] }, deletes: {} }));
    expect(store.getDoc().cards.c1!.title).toBe('From a tab');
    expect(seen).toEqual(['live', 'tab']);
    expect(store.historyOf('j-reschedule').past).toHaveLength(0);
  });
});
