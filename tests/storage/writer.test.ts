import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJourney, renameJourney, deleteJourney } from '../../src/domain/journey-commands';
import { BatchWriter } from '../../src/storage/writer';
import { loadWorkspace } from '../../src/storage/load';
import { readExample } from '../helpers/examples';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { importDocument } from '../../src/domain/format/import-document';
import { setup, sleep } from './storage-helpers';

const newJourney = (id: string, title = 'Trip') =>
  createJourney({ id, title, personaId: null, stageNames: ['A', 'B'], laneKinds: ['actions', 'emotions'] });

afterEach(() => vi.restoreAllMocks());

describe('BatchWriter', () => {
  it('commits all changes of a burst in one transaction, within the delay', async () => {
    const { store, status, db } = setup();
    await db.open();
    const writer = new BatchWriter(db, store.getDoc, status, { delayMs: 50 });
    store.onChange((c) => writer.markDirty(c));
    const tx = vi.spyOn(db, 'transaction');
    store.dispatch(newJourney('j1'));
    store.dispatch(renameJourney('j1', 'Trip 2'));
    store.dispatch(newJourney('j2'));
    expect(status.getState().pending).toBeGreaterThan(0);
    await sleep(20);
    expect(await db.journeys.count()).toBe(0);
    await sleep(120);
    expect(tx).toHaveBeenCalledTimes(1);
    expect((await db.journeys.get('j1'))?.title).toBe('Trip 2');
    expect(await db.stages.count()).toBe(4);
    expect(status.getState()).toMatchObject({ pending: 0, problem: null });
  });

  it('writes deletions, and the database then equals memory', async () => {
    const { store, status, db } = setup();
    await db.open();
    const writer = new BatchWriter(db, store.getDoc, status, { delayMs: 10 });
    store.onChange((c) => writer.markDirty(c));
    const parsed = parseJourneyFile(readExample('appointment-reschedule.journey.json'));
    if (!parsed.ok) throw new Error('invalid example');
    store.dispatch(importDocument(parsed.doc));
    store.dispatch(newJourney('j1'));
    store.dispatch(deleteJourney('j-reschedule'));
    await writer.flush();
    expect(await loadWorkspace(db)).toEqual(store.getDoc());
  });

  it('flush() commits at once, without waiting for the delay (what pagehide calls)', async () => {
    const { store, status, db } = setup();
    await db.open();
    const writer = new BatchWriter(db, store.getDoc, status, { delayMs: 60_000 });
    store.onChange((c) => writer.markDirty(c));
    store.dispatch(newJourney('j1'));
    await writer.flush();
    expect(await db.journeys.get('j1')).toBeDefined();
    writer.dispose();
  });

  for (const [label, makeError] of [
    ['QuotaExceededError', () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')],
    [
      'AbortError wrapping QuotaExceededError',
      () =>
        Object.assign(new Error('Transaction aborted'), {
          name: 'AbortError',
          inner: new DOMException('quota', 'QuotaExceededError'),
        }),
    ],
  ] as const) {
    it(`keeps the data in memory, reports quota and retries after a ${label}`, async () => {
      const { store, status, db } = setup();
      await db.open();
      const writer = new BatchWriter(db, store.getDoc, status, { delayMs: 10, retryMs: [30] });
      store.onChange((c) => writer.markDirty(c));
      const realTransaction = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
      let failuresLeft = 2;
      vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
        if (failuresLeft-- > 0) return Promise.reject(makeError());
        return realTransaction(...args);
      }) as typeof db.transaction);

      store.dispatch(newJourney('j1'));
      await writer.flush();
      expect(status.getState().problem).toBe('quota');
      expect(status.getState().pending).toBeGreaterThan(0);
      // A change made while storage is failing is not lost either.
      store.dispatch(renameJourney('j1', 'Typed during the outage'));
      expect(store.getDoc().journeys.j1!.title).toBe('Typed during the outage');
      await sleep(150);
      expect(status.getState()).toMatchObject({ problem: null, pending: 0 });
      expect((await db.journeys.get('j1'))?.title).toBe('Typed during the outage');
      expect(await db.stages.count()).toBe(2);
    });
  }
});
