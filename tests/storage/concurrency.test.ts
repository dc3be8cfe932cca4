import { describe, expect, it } from 'vitest';
import { updateCard } from '../../src/domain/card-commands';
import { renameJourney } from '../../src/domain/journey-commands';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { randomId } from '../../src/domain/ids';
import { JourneyDb } from '../../src/storage/db';
import { loadWorkspace } from '../../src/storage/load';
import { startPersistence } from '../../src/storage/persistence';
import { recordsOf } from '../../src/storage/seed-records';
import { createStatusStore } from '../../src/storage/status';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { fakeWindow, freshDb, sleep } from './storage-helpers';

const headphones = () => {
  const parsed = parseJourneyFile(readExample('headphones-two-personas.journey.json'));
  if (!parsed.ok) throw new Error('invalid');
  return parsed.doc;
};
const seed = () => async () => recordsOf(headphones(), { now: Date.now(), newId: randomId });

async function openTab(name: string, delayMs = 30) {
  const store = createWorkspaceStore();
  const status = createStatusStore();
  const db = new JourneyDb(name);
  const p = await startPersistence({
    store,
    status,
    db,
    loadSeed: seed(),
    delayMs,
    target: fakeWindow(),
    journalStorage: null,
    reopenMs: 20,
  });
  // A start reads the list only; these tests work on every journey's parts.
  await p.loadJourneys(Object.keys(store.getDoc().journeys));
  return { store, status, p, db };
}

const settle = () => sleep(400);

describe('two tabs', () => {
  it('keep both edits when one types a card’s title and the other its notes', async () => {
    const name = freshDb().name;
    const a = await openTab(name);
    const b = await openTab(name);
    const card = Object.values(a.store.getDoc().cards).find((c) => c.journeyId === 'j-sam')!.id;
    const title = 'Compares prices on three sites';
    const notes = 'Said twice in the interview';
    // Interleaved keystrokes, each tab committing and broadcasting whole records as it goes.
    for (let i = 1; i <= Math.max(title.length, notes.length); i += 3) {
      if (i <= title.length) a.store.dispatch(updateCard(card, { title: title.slice(0, i) }), { mergeKey: 't' });
      if (i <= notes.length) b.store.dispatch(updateCard(card, { notes: notes.slice(0, i) }), { mergeKey: 'n' });
      await sleep(25);
    }
    a.store.dispatch(updateCard(card, { title }), { mergeKey: 't' });
    b.store.dispatch(updateCard(card, { notes }), { mergeKey: 'n' });
    await settle();
    const stored = (await loadWorkspace(a.db)).cards[card]!;
    expect(stored).toMatchObject({ title, notes });
    for (const tab of [a, b]) expect(tab.store.getDoc().cards[card]).toMatchObject({ title, notes });
    a.p.dispose();
    b.p.dispose();
  });

  it('never shows an older value when another tab’s announcement arrives after this tab’s own later commit', async () => {
    const name = freshDb().name;
    const a = await openTab(name);
    const b = await openTab(name);
    const card = Object.values(a.store.getDoc().cards).find((c) => c.journeyId === 'j-sam')!.id;
    // Messages between tabs are not ordered with commits: hold tab A's back until B has committed.
    const post = BroadcastChannel.prototype.postMessage;
    const held: (() => void)[] = [];
    BroadcastChannel.prototype.postMessage = function (this: BroadcastChannel, msg: unknown) {
      held.push(() => post.call(this, msg));
    };
    try {
      a.store.dispatch(updateCard(card, { title: 'Title typed in tab A' }));
      await a.p.flush();
      BroadcastChannel.prototype.postMessage = post;
      b.store.dispatch(updateCard(card, { notes: 'Notes typed in tab B' }));
      await b.p.flush();
    } finally {
      BroadcastChannel.prototype.postMessage = post;
    }
    for (const send of held) send();
    await settle();
    for (const tab of [a, b])
      expect(tab.store.getDoc().cards[card]).toMatchObject({
        title: 'Title typed in tab A',
        notes: 'Notes typed in tab B',
      });
    a.p.dispose();
    b.p.dispose();
  });

  it('importing files that share ids at the same time adds both, and the tabs agree with the database', async () => {
    const name = freshDb().name;
    const a = await openTab(name);
    const b = await openTab(name);
    const [ra, rb] = await Promise.all([a.p.importDocument(headphones()), b.p.importDocument(headphones())]);
    const ids = [...ra.plan.summary.journeyIds, ...rb.plan.summary.journeyIds];
    expect(new Set(ids).size).toBe(4);
    await settle();
    const stored = await loadWorkspace(a.db);
    expect(Object.keys(stored.journeys)).toHaveLength(6);
    expect(Object.keys(stored.cards)).toHaveLength(Object.keys((await seed()()).cards).length * 3);
    for (const tab of [a, b]) expect(tab.store.getDoc()).toEqual(stored);
    // The same personas, equal in every field, are reused rather than copied.
    expect(Object.keys(stored.personas)).toHaveLength(2);
    a.p.dispose();
    b.p.dispose();
  });

  it('an import that is cancelled adds nothing, in memory or stored', async () => {
    const name = freshDb().name;
    const a = await openTab(name);
    const before = await loadWorkspace(a.db);
    const controller = new AbortController();
    const done = a.p.importDocument(headphones(), {
      chunk: 5,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 10) controller.abort();
      },
    });
    await expect(done).rejects.toThrow(/cancelled/);
    expect(await loadWorkspace(a.db)).toEqual(before);
    expect(a.store.getDoc()).toEqual(before);
    a.p.dispose();
  });
});

describe('a tab that is still loading', () => {
  it('keeps a commit another tab broadcasts meanwhile, and shows it once loaded', async () => {
    const name = freshDb().name;
    const b = await openTab(name);
    const store = createWorkspaceStore();
    const db = new JourneyDb(name);
    // The workspace is read, then held back while the other tab commits and broadcasts.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let held = false;
    const realTx = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    db.transaction = ((...args: unknown[]) => {
      if (args[0] !== 'r' || held) return realTx(...args);
      held = true;
      return realTx(...args).then(async (result) => {
        await gate;
        return result;
      });
    }) as never;
    const loading = startPersistence({
      store,
      status: createStatusStore(),
      db,
      loadSeed: seed(),
      target: fakeWindow(),
      journalStorage: null,
    });
    await expect.poll(() => held).toBe(true);
    b.store.dispatch(renameJourney('j-sam', 'Committed while the other tab loaded'));
    await b.p.flush();
    await sleep(50);
    release();
    const a = await loading;
    await expect.poll(() => store.getDoc().journeys['j-sam']?.title).toBe('Committed while the other tab loaded');
    a.dispose();
    b.p.dispose();
  });
});

describe('a database that cannot be opened', () => {
  it('is never replaced by the demo: the app says so, tries again, and opens the real work once it can', async () => {
    const name = freshDb().name;
    const first = await openTab(name);
    first.store.dispatch(updateCard(Object.keys(first.store.getDoc().cards)[0]!, { title: 'Real work' }));
    await first.p.flush();
    first.p.dispose();

    const store = createWorkspaceStore();
    const status = createStatusStore();
    const db = new JourneyDb(name);
    const open = db.open.bind(db);
    let failing = true;
    db.open = (() =>
      failing
        ? Promise.reject(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }))
        : open()) as never;
    const started = startPersistence({
      store,
      status,
      db,
      loadSeed: seed(),
      target: fakeWindow(),
      journalStorage: null,
      reopenMs: 20,
    });
    await sleep(60);
    expect(status.getState()).toMatchObject({ phase: 'failed', problem: 'quota' });
    expect(store.getDoc().journeys).toEqual({});
    failing = false;
    const p = await started;
    expect(status.getState()).toMatchObject({ phase: 'ready', problem: null });
    await p.loadJourneys(Object.keys(store.getDoc().journeys));
    expect(Object.values(store.getDoc().cards).some((c) => c.title === 'Real work')).toBe(true);
    p.dispose();
  });

  it('clears the "blocked" message once the other tab lets go', async () => {
    const name = freshDb().name;
    const old = new JourneyDb(name);
    await old.open();
    // A connection that does not close on versionchange blocks an upgrade, as an old tab would.
    old.on('versionchange', () => false);
    const store = createWorkspaceStore();
    const status = createStatusStore();
    class Newer extends JourneyDb {
      constructor() {
        super(name);
        this.version(this.verno + 1).stores({});
      }
    }
    const started = startPersistence({
      store,
      status,
      db: new Newer(),
      loadSeed: seed(),
      target: fakeWindow(),
      journalStorage: null,
    });
    await expect.poll(() => status.getState().problem).toBe('blocked');
    old.close();
    const p = await started;
    expect(status.getState().problem).toBeNull();
    p.dispose();
  });

  it('never writes the demo into a database that already holds work', async () => {
    const name = freshDb().name;
    const db = new JourneyDb(name);
    await db.open();
    const work = recordsOf(headphones(), { now: 1, newId: randomId });
    await db.journeys.put({ ...Object.values(work.journeys)[0]!, id: 'mine', title: 'Mine' });
    db.close();
    const tab = await openTab(name);
    expect(Object.values(tab.store.getDoc().journeys).map((j) => j.title)).toEqual(['Mine']);
    tab.p.dispose();
  });
});
