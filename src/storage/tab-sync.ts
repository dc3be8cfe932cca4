import type { Id, TableName } from '../domain/types';
import type { RemoteChanges } from '../store/workspace-store';

export const SYNC_CHANNEL = 'journey-canvas-sync';

/** The ids of records committed, by table: for large batches, which the receiver reads itself. */
export type CommittedIds = Partial<Record<TableName, Id[]>>;

interface SyncMessage {
  from: string;
  changes?: RemoteChanges;
  stored?: CommittedIds;
}

/**
 * Tabs of the same origin tell each other which records they committed. Only committed records
 * are sent, so a receiving tab shows exactly what is in the database, record by record. A large
 * batch (an import) is announced by its ids only, and each tab reads the records from the
 * database: copying 100,000 records into a message held the sending page for 100 ms.
 */
export class TabSync {
  private readonly channel: BroadcastChannel | null;
  readonly tabId = crypto.randomUUID();

  /** One channel per database: tabs of another database (a test's) never hear these. */
  constructor(onRemote: (changes: RemoteChanges) => void, dbName = '', onStored?: (ids: CommittedIds) => void) {
    this.channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(dbName ? `${SYNC_CHANNEL}:${dbName}` : SYNC_CHANNEL)
        : null;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<SyncMessage>) => {
        const msg = event.data;
        if (!msg || msg.from === this.tabId) return;
        if (msg.changes) onRemote(msg.changes);
        if (msg.stored) onStored?.(msg.stored);
      };
    }
  }

  publish(changes: RemoteChanges): void {
    this.channel?.postMessage({ from: this.tabId, changes } satisfies SyncMessage);
  }

  publishStored(ids: CommittedIds): void {
    this.channel?.postMessage({ from: this.tabId, stored: ids } satisfies SyncMessage);
  }

  close(): void {
    this.channel?.close();
  }
}
