import {
  OutgoingMessage,
  type Document,
  type Extension,
  type Hocuspocus,
  type afterLoadDocumentPayload,
  type beforeUnloadDocumentPayload,
  type connectedPayload,
} from '@hocuspocus/server';
import * as Y from 'yjs';
import { STORAGE_FULL, STORAGE_OK } from '../live/protocol';
import type { RoomWork } from './room-work';
import { partsOf, type RoomStore } from './rooms';

/** The origin of changes another process relayed through Redis: that process writes them. */
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

/**
 * Keeps the server up when its disk cannot take a room's changes (SQLITE_FULL, an I/O error).
 *
 * Every change a client sends is appended to the database from the document's update event,
 * synchronously, before Hocuspocus confirms it to the client. A write that fails turns the room
 * read-only: its clients are told (`STORAGE_FULL`), their further changes are refused and stay on
 * their devices; the document stays in memory (it does not unload) and its whole state is tried
 * again every `retryMs` until it is written. Then the room is writable again (`STORAGE_OK`) and
 * each client is asked for what the server lacks, so the changes it kept come in.
 * Other rooms are untouched: nothing is thrown out of a hook.
 */
export class StorageGuard {
  private readonly full = new Map<
    string,
    { document: Document; timer: ReturnType<typeof setInterval>; trying: boolean }
  >();
  private instance: Hocuspocus | null = null;
  private closed = false;

  constructor(
    private readonly rooms: RoomStore,
    private readonly work: RoomWork,
    private readonly retryMs = 1000,
  ) {}

  /** Whether a room's changes cannot be written now. */
  isFull(roomId: string): boolean {
    return this.full.has(roomId);
  }

  /** The hooks to add to Hocuspocus. */
  readonly extension: Extension = {
    afterLoadDocument: async ({ documentName, document, instance }: afterLoadDocumentPayload) => {
      this.instance = instance;
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (this.closed || origin === REDIS_ORIGIN || this.full.has(documentName)) return;
        try {
          this.rooms.appendUpdate(documentName, update);
        } catch (error) {
          this.failed(documentName, document, error);
        }
      });
    },
    // A room that could not be written stays in memory until it is.
    beforeUnloadDocument: async ({ documentName }: beforeUnloadDocumentPayload) => {
      if (this.full.has(documentName)) throw new Error('not stored yet');
    },
    connected: async ({ documentName, connection }: connectedPayload) => {
      if (!this.full.has(documentName)) return;
      connection.readOnly = true;
      connection.sendStateless(STORAGE_FULL);
    },
  };

  /**
   * Compacts the room: its whole state, merged (on the worker) with what is stored, which another
   * process sharing the file may have added. Throws what the disk answered.
   */
  private async compact(documentName: string, state: Uint8Array): Promise<void> {
    // Another process compacting at the same moment makes this one merge again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const read = this.rooms.storedParts(documentName);
      const whole = (await this.work.merge([...partsOf(read), state]))!;
      if (this.rooms.compact(documentName, read, whole)) return;
    }
  }

  /** The room's store (debounced by Hocuspocus): a failure turns the room read-only instead of throwing. */
  async store(documentName: string, document: Document, state: Uint8Array): Promise<void> {
    if (this.closed || this.full.has(documentName)) return;
    try {
      await this.compact(documentName, state);
    } catch (error) {
      this.failed(documentName, document, error);
    }
  }

  private failed(documentName: string, document: Document, error: unknown): void {
    if (this.full.has(documentName)) return;
    console.error(`room ${documentName} cannot be stored, read-only until it can:`, describe(error));
    for (const { connection } of document.connections.values()) {
      connection.readOnly = true;
      connection.sendStateless(STORAGE_FULL);
    }
    const timer = setInterval(() => void this.retry(documentName), this.retryMs);
    this.full.set(documentName, { document, timer, trying: false });
  }

  private async retry(documentName: string): Promise<void> {
    const entry = this.full.get(documentName);
    if (!entry || entry.trying) return;
    const { document } = entry;
    entry.trying = true;
    try {
      await this.compact(documentName, Y.encodeStateAsUpdate(document));
    } catch {
      return;
    } finally {
      entry.trying = false;
    }
    if (this.full.get(documentName) !== entry) return;
    clearInterval(entry.timer);
    this.full.delete(documentName);
    const step1 = new OutgoingMessage(documentName).createSyncMessage().writeFirstSyncStepFor(document).toUint8Array();
    for (const { connection } of document.connections.values()) {
      connection.readOnly = (connection.context as { access?: string } | undefined)?.access === 'view';
      connection.sendStateless(STORAGE_OK);
      // The client answers with the changes the server refused meanwhile.
      if (!connection.readOnly) connection.send(step1);
    }
    if (document.getConnectionsCount() === 0) void this.instance?.unloadDocument(document);
  }

  /** Tries each unwritten room once more (the server is stopping), and stops retrying. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [documentName, { document, timer }] of this.full) {
      clearInterval(timer);
      try {
        await this.compact(documentName, Y.encodeStateAsUpdate(document));
      } catch (error) {
        console.error(`room ${documentName} could not be stored before stopping:`, describe(error));
      }
    }
    this.full.clear();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${'code' in error ? String(error.code) + ' ' : ''}${error.message}` : String(error);
}
