import { describe, expect, it } from 'vitest';
import { redoStep, remoteRecords, revertStep, undoStep } from '../../src/store/workspace-store';
import { DomainError } from '../../src/domain/command';
import { createJourney, deleteJourney, duplicateJourney, renameJourney } from '../../src/domain/journey-commands';
import { journeyParts } from '../../src/domain/queries';
import { renameStage } from '../../src/domain/stage-commands';
import { WORKSPACE_SCOPE } from '../../src/store/history';
import { findTemplate } from '../../src/domain/templates';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const blank = findTemplate('blank');

describe('createJourney', () => {
  it('makes a Blank journey with four stages and seven lanes, in order', () => {
    const store = storeWith();
    store.dispatch(
      createJourney({
        id: 'j',
        title: '  Checkout  ',
        personaId: null,
        stageNames: ['Awareness', 'Consideration', 'Purchase', 'Retention'],
        laneKinds: blank.lanes,
      }),
    );
    const parts = journeyParts(store.getDoc(), 'j')!;
    expect(parts.journey.title).toBe('Checkout');
    expect(parts.stages.map((s) => s.name)).toEqual(['Awareness', 'Consideration', 'Purchase', 'Retention']);
    expect(parts.lanes.map((l) => l.kind)).toEqual([
      'actions',
      'touchpoints',
      'goals',
      'thoughts',
      'emotions',
      'painPoints',
      'opportunities',
    ]);
    expect(parts.cards).toEqual([]);
  });
  it('refuses an empty or over-long title and drops an unknown persona', () => {
    const store = storeWith();
    expect(() =>
      store.dispatch(createJourney({ id: 'j', title: '  ', personaId: null, stageNames: [], laneKinds: [] })),
    ).toThrow(DomainError);
    expect(() =>
      store.dispatch(
        createJourney({ id: 'j', title: 'x'.repeat(201), personaId: null, stageNames: [], laneKinds: [] }),
      ),
    ).toThrow(/titleTooLong/);
    store.dispatch(
      createJourney({ id: 'j', title: 'A', personaId: 'nobody', stageNames: ['S'], laneKinds: ['notes'] }),
    );
    expect(store.getDoc().journeys.j!.personaId).toBeNull();
  });
});

describe('renameJourney', () => {
  it('renames and marks the journey changed', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const before = store.getDoc().journeys['j-reschedule']!.updatedAt;
    store.dispatch(renameJourney('j-reschedule', 'Moving an appointment'));
    const j = store.getDoc().journeys['j-reschedule']!;
    expect(j.title).toBe('Moving an appointment');
    expect(j.updatedAt).toBeGreaterThan(before);
  });
});

describe('duplicateJourney', () => {
  it('copies every record with new ids, references following, and leaves the source untouched', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const source = structuredClone(journeyParts(store.getDoc(), 'j-reschedule')!);
    store.dispatch(duplicateJourney('j-reschedule', 'copy', 'Rescheduling an appointment (copy)'));
    const doc = store.getDoc();
    const copy = journeyParts(doc, 'copy')!;
    expect(copy.journey.title).toBe('Rescheduling an appointment (copy)');
    expect(copy.journey.personaId).toBe('p-emily');
    expect(copy.stages.map((s) => s.name)).toEqual(source.stages.map((s) => s.name));
    expect(copy.cards.map((c) => c.title)).toEqual(source.cards.map((c) => c.title));
    expect(copy.connections.map((x) => x.label)).toEqual(source.connections.map((x) => x.label));
    const sourceIds = new Set(
      [...source.stages, ...source.lanes, ...source.cards, ...source.connections].map((r) => r.id),
    );
    expect([...copy.stages, ...copy.lanes, ...copy.cards, ...copy.connections].some((r) => sourceIds.has(r.id))).toBe(
      false,
    );
    for (const c of copy.cards) {
      expect(doc.stages[c.stageId]!.journeyId).toBe('copy');
      expect(doc.lanes[c.laneId]!.journeyId).toBe('copy');
    }
    for (const x of copy.connections) expect(doc.cards[x.from]!.journeyId).toBe('copy');
    expect(journeyParts(doc, 'j-reschedule')).toEqual(source);
  });
});

describe('deleteJourney and the history', () => {
  it('deletes every record of the journey; revert brings back every card and connection', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const before = structuredClone(store.getDoc());
    const entry = store.dispatch(deleteJourney('j-reschedule'));
    const after = store.getDoc();
    expect(after.journeys).toEqual({});
    expect(after.cards).toEqual({});
    expect(after.connections).toEqual({});
    expect(after.personas['p-emily']).toBeDefined();
    // Something else happens before the user presses the toast's Undo.
    store.dispatch(
      createJourney({ id: 'other', title: 'Other', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }),
    );
    store.dispatch(revertStep(entry));
    const restored = store.getDoc();
    expect(restored.cards).toEqual(before.cards);
    expect(restored.connections).toEqual(before.connections);
    expect(restored.journeys['j-reschedule']).toEqual(before.journeys['j-reschedule']);
    expect(restored.journeys.other).toBeDefined();
  });

  it('undo and redo step through commands one intent at a time, in the journey they changed', () => {
    const store = storeWith();
    store.dispatch(
      createJourney({ id: 'j', title: 'First', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }),
    );
    store.dispatch(renameJourney('j', 'Second'));
    store.dispatch(renameJourney('j', 'Third'));
    expect(store.dispatch(undoStep('j')) !== null).toBe(true);
    expect(store.getDoc().journeys.j!.title).toBe('Second');
    expect(store.dispatch(undoStep('j')) !== null).toBe(true);
    expect(store.getDoc().journeys.j!.title).toBe('First');
    expect(store.dispatch(redoStep('j')) !== null).toBe(true);
    expect(store.getDoc().journeys.j!.title).toBe('Second');
    store.dispatch(renameJourney('j', 'Fourth'));
    expect(store.dispatch(redoStep('j')) !== null).toBe(false);
    expect(store.dispatch(undoStep('j')) !== null && store.dispatch(undoStep('j')) !== null).toBe(true);
    // Creating the journey is not a step of its own history: its Undo never deletes it.
    expect(store.dispatch(undoStep('j')) !== null).toBe(false);
    expect(store.getDoc().journeys.j!.title).toBe('First');
    expect(store.historyOf(WORKSPACE_SCOPE).past.map((e) => e.name)).toEqual(['createJourney']);
  });

  it("keeps each journey's history apart: undo in one never reaches another", () => {
    const store = storeWith();
    store.dispatch(createJourney({ id: 'a', title: 'A', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }));
    store.dispatch(createJourney({ id: 'b', title: 'B', personaId: null, stageNames: ['T'], laneKinds: ['notes'] }));
    const stageA = journeyParts(store.getDoc(), 'a')!.stages[0]!.id;
    store.dispatch(renameStage(stageA, 'Renamed'));
    expect(store.historyOf('b').past).toHaveLength(0);
    expect(store.dispatch(undoStep('b')) !== null).toBe(false);
    expect(journeyParts(store.getDoc(), 'a')!.stages[0]!.name).toBe('Renamed');
    expect(store.dispatch(undoStep('a')) !== null).toBe(true);
    expect(journeyParts(store.getDoc(), 'a')!.stages[0]!.name).toBe('S');
    expect(store.dispatch(undoStep('a')) !== null).toBe(false);
    expect(store.getDoc().journeys.a).toBeDefined();
  });

  it('undo takes back what it still can when another tab deleted the record meanwhile', () => {
    const store = storeWith();
    store.dispatch(createJourney({ id: 'a', title: 'A', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }));
    const stageA = journeyParts(store.getDoc(), 'a')!.stages[0]!.id;
    store.dispatch(renameStage(stageA, 'Renamed'));
    store.dispatch(renameJourney('a', 'A2'));
    store.dispatch(remoteRecords({ puts: {}, deletes: { stages: [stageA] } }), { source: 'tab' });
    expect(store.dispatch(undoStep('a')) !== null).toBe(true);
    expect(store.dispatch(undoStep('a')) !== null).toBe(true);
    expect(store.getDoc().journeys.a!.title).toBe('A');
    expect(store.getDoc().stages[stageA]).toBeUndefined();
  });

  it('tells listeners which records changed', () => {
    const store = storeWith();
    const seen: string[] = [];
    store.onChange((changed, origin) => {
      for (const [table, ids] of changed) for (const id of ids) seen.push(`${origin}:${table}:${id}`);
    });
    store.dispatch(createJourney({ id: 'j', title: 'A', personaId: null, stageNames: ['S'], laneKinds: ['notes'] }));
    expect(seen.filter((s) => s.startsWith('local:journeys'))).toEqual(['local:journeys:j']);
    expect(seen.filter((s) => s.startsWith('local:stages'))).toHaveLength(1);
    seen.length = 0;
    store.dispatch(remoteRecords({ puts: {}, deletes: { journeys: ['j'] } }), { source: 'tab' });
    expect(seen).toEqual(['tab:journeys:j']);
  });
});
