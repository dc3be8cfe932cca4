import type { JourneyCounts } from '../domain/journey-counts';
import type { Id, TableName } from '../domain/types';

export const SYNC_CHANNEL = 'journey-canvas-sync';

/** The ids of records committed (written or deleted), by table. */
export type CommittedIds = Partial<Record<TableName, Id[]>>;

/** What a tab announces after a commit: which records, and the stored counts of its journeys. */
export interface Committed {
  ids: CommittedIds;
  counts?: Record<Id, JourneyCounts | null>;
}

interface SyncMessage extends Committed {
  from: string;
}

/**
 * Tabs of the same origin tell each other which records they committed, by id only; each tab
 * reads the records from the database itself. A message is not ordered with this tab's own
 * commits nor with other tabs' messages, so records carried in it could be older than what the
 * tab already shows (a field typed here, committed, then overwritten by an older copy); the
 * database, read in a transaction of its own, is never older.
 */
export class TabSync {
  private readonly channel: BroadcastChannel | null;
  readonly tabId = crypto.randomUUID();

  /** One channel per database: tabs of another database (a test's) never hear these. */
  constructor(onCommitted: (committed: Committed) => void, dbName = '') {
    this.channel =
      typeof BroadcastChannel === 'function'
        ? new BroadcastChannel(dbName ? `${SYNC_CHANNEL}:${dbName}` : SYNC_CHANNEL)
        : null;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<SyncMessage>) => {
        const msg = event.data;
        if (!msg || msg.from === this.tabId || typeof msg.ids !== 'object') return;
        onCommitted({ ids: msg.ids, counts: msg.counts });
      };
    }
  }

  publish(committed: Committed): void {
    this.channel?.postMessage({ from: this.tabId, ...committed } satisfies SyncMessage);
  }

  close(): void {
    this.channel?.close();
  }
}
