/**
 * The one place the model-based test (cross-features.test.ts) touches the app's store, storage
 * and live-session API. When that API changes (the store's `applyRemote`, `load`, `undo`, `redo`,
 * `revert` becoming one `dispatch(change, { source })`), only this adapter changes.
 */
import * as Y from 'yjs';
import { createApp, type App } from '../../src/app/create-app';
import type { Command } from '../../src/domain/command';
import type { JourneyCounts } from '../../src/domain/journey-counts';
import { TABLES, type Id, type Workspace } from '../../src/domain/types';
import type { FileDocument } from '../../src/domain/format/schema';
import { undoIn } from '../../src/features/editor/editor-actions';
import { openJourney } from '../../src/features/editor/editor-state';
import { storeDocument, type ImportOutcome } from '../../src/features/journeys/import-file';
import { LiveSession } from '../../src/live/live-session';
import { changesOfTransaction, patchesToY, tableOf } from '../../src/live/y-journey';
import { JourneyDb } from '../../src/storage/db';
import { loadWorkspace } from '../../src/storage/load';
import {
  createWorkspaceStore,
  remoteRecords,
  revertStep,
  type HistoryEntry,
  type WorkspaceStore,
} from '../../src/store/workspace-store';

/** The page's window as storage listens to it (pagehide, visibilitychange, blur). */
function fakeTarget() {
  const target = new EventTarget() as EventTarget & { document: { visibilityState: string } };
  target.document = { visibilityState: 'visible' };
  return target as unknown as Window & { document: Document };
}

/** A WebSocket that never connects: the room is simulated by a peer's Y.Doc linked directly. */
class OfflineSocket {
  readyState = 0;
  binaryType = 'arraybuffer';
  identifier = 0;
  addEventListener(): void {}
  removeEventListener(): void {}
  send(): void {}
  close(): void {}
}

/** Updates between two Y.Docs, as a room relays them (both ways, never echoed). */
const RELAY = 'relay';

/**
 * Another participant of a live session: a store of its own bound to its Y.Doc, as the app binds
 * one, running ordinary commands; its updates reach the tab's session without a server.
 */
export interface LivePeer {
  journeyId: Id;
  store: WorkspaceStore;
  /** Puts raw records into the room as a participant's (buggy or hostile) client might. */
  putRaw(table: 'cards', rec: Record<string, unknown>): void;
  close(): void;
}

export const harness = {
  /** A tab: a new app on the database `name` (the demo is written on the database's first start). */
  async openTab(name: string): Promise<App> {
    const app = createApp({
      persistence: {
        db: new JourneyDb(name),
        delayMs: 5,
        target: fakeTarget(),
        journalStorage: null,
        reopenMs: 20,
        preload: () => [],
      },
    });
    await app.start();
    return app;
  },
  /** A page closing: what it has not written yet is written first (as `pagehide` does). */
  async closeTab(app: App): Promise<void> {
    await app.flush();
    (await app.start()).dispose();
  },
  flush: (app: App): Promise<void> => app.flush(),
  async hasPending(app: App): Promise<boolean> {
    return (await app.start()).writer?.hasPending() ?? false;
  },
  doc: (app: App): Workspace => app.workspace.getDoc(),
  /** The stored counts the Journeys list shows for journeys whose parts are not read. */
  storedCounts: (app: App): Record<Id, JourneyCounts> => app.workspace.state.getState().counts,
  isLoaded: (app: App, journeyId: Id): boolean => app.workspace.isLoaded(journeyId),
  /** Opens a journey in the editor: its parts are read first, as the editor screen does. */
  async openJourney(app: App, journeyId: Id): Promise<void> {
    await app.loadJourneys([journeyId]);
    openJourney(app.editor, journeyId);
  },
  /** Whether the editor's Undo (or Redo) is enabled in a journey. */
  canUndo: (app: App, journeyId: Id, redo: boolean): boolean => {
    const h = app.workspace.historyOf(journeyId);
    return (redo ? h.future : h.past).length > 0;
  },
  /** The editor's Undo and Redo (buttons and keys). */
  undo: (app: App, journeyId: Id, redo: boolean): void => undoIn(app, journeyId, redo),
  /** A toast's Undo on the Journeys screen (useImport's announce and the journey actions). */
  revert: (app: App, entry: HistoryEntry): void => void app.workspace.dispatch(revertStep(entry)),
  /** The import path after a file was parsed and checked (useImport, the spreadsheet dialog). */
  importDocument: (app: App, doc: FileDocument, fileName: string): Promise<ImportOutcome> =>
    storeDocument(app, doc, fileName),
  /** Everything the database holds, and its stored counts, read by a connection of its own. */
  async stored(db: JourneyDb): Promise<{ ws: Workspace; summaries: JourneyCounts[] }> {
    const ws = await loadWorkspace(db);
    const summaries = await db.summaries.toArray();
    return { ws, summaries };
  },
  readerDb: (name: string): JourneyDb => new JourneyDb(name),

  /**
   * Shares a journey (loaded in `app`) live and returns the other participant. The tab's side is
   * the real LiveSession, with a socket that never connects; the room is a peer's Y.Doc whose
   * updates reach the session's document directly, as a provider would deliver them.
   */
  shareLive(app: App, journeyId: Id): LivePeer {
    const session = new LiveSession({
      store: app.workspace,
      url: 'ws://room.invalid/live',
      roomId: 'room',
      secret: 'secret',
      name: 'Host',
      color: '#1f77b4',
      WebSocketPolyfill: OfflineSocket,
    });
    const peerDoc = new Y.Doc();
    // The tables exist before the room's first update, so a transaction names what it changed.
    for (const table of TABLES) tableOf(peerDoc, table);
    const store = createWorkspaceStore();
    const origin = { peer: true };
    const toPeer = (u: Uint8Array, o: unknown) => o !== RELAY && Y.applyUpdate(peerDoc, u, RELAY);
    const toHost = (u: Uint8Array, o: unknown) => o !== RELAY && Y.applyUpdate(session.doc, u, RELAY);
    session.doc.on('update', toPeer);
    peerDoc.on('update', toHost);
    // The peer's app: the room's records come in as another participant's, its commands go out.
    peerDoc.on('afterTransaction', (tr: Y.Transaction) => {
      if (tr.origin !== origin) store.dispatch(remoteRecords(changesOfTransaction(peerDoc, tr)), { source: 'live' });
    });
    const off = store.onChange((_changed, source, patches) => {
      if (source === 'local') patchesToY(peerDoc, patches, store.getDoc(), origin);
    });
    session.share(journeyId);
    return {
      journeyId,
      store,
      putRaw(table, rec) {
        peerDoc.transact(() => {
          const m = new Y.Map<unknown>();
          for (const [k, v] of Object.entries(rec)) m.set(k, v);
          tableOf(peerDoc, table).set(rec.id as string, m);
        }, origin);
      },
      close() {
        off();
        session.doc.off('update', toPeer);
        peerDoc.off('update', toHost);
        session.close();
        peerDoc.destroy();
      },
    };
  },
  /** The peer runs a command in its own app. */
  peerRun: (peer: LivePeer, command: Command): void => void peer.store.dispatch(command),
};
