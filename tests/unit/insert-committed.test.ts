import { describe, expect, it } from 'vitest';
import { revertStep } from '../../src/store/workspace-store';
import { updateCard } from '../../src/domain/card-commands';
import { WORKSPACE_SCOPE } from '../../src/store/history';
import { readExample } from '../helpers/examples';
import { storeWith, testContext } from '../helpers/workspace';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { planImport, targetOf } from '../../src/domain/format/import-document';

describe('insertCommitted', () => {
  it('keeps an edit made between merging ahead and putting the records in, and is one workspace step', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    const parsed = parseJourneyFile(readExample('headphones-two-personas.journey.json'));
    if (!parsed.ok) throw new Error('invalid');
    const plan = planImport(parsed.doc, testContext()(), targetOf(store.getDoc()));
    const prepared = store.prepareCommitted(plan.records);
    store.premergeCommitted(prepared);
    store.dispatch(updateCard('c1', { title: 'Edited while the import was put in' }));
    const entry = store.dispatch({ kind: 'insert', prepared }, { source: 'import' })!;
    const after = store.getDoc();
    expect(after.cards.c1!.title).toBe('Edited while the import was put in');
    for (const id of Object.keys(plan.records.cards)) expect(after.cards[id]).toBe(plan.records.cards[id]);
    expect(entry.scope).toBe(WORKSPACE_SCOPE);
    store.dispatch(revertStep(entry));
    expect(Object.keys(store.getDoc().journeys)).toEqual(['j-reschedule']);
    expect(store.getDoc().cards.c1!.title).toBe('Edited while the import was put in');
  });
});
