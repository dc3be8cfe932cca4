import type { RemoteChanges } from '../store/workspace-store';

export const SYNC_CHANNEL = 'journey-canvas-sync';

interface SyncMessage {
  from: string;
  changes: RemoteChanges;
}

/**
 * Tabs of the same origin tell each other which records they committed. Only committed records
 * are sent, so a receiving tab shows exactly what is in the database, record by record.
 */
export class TabSync {
  private readonly channel: BroadcastChannel | null;
  readonly tabId = crypto.randomUUID();

  /** One channel per database: tabs of another database (a test's) never hear these. */
  constructor(onRemote: (changes: RemoteChanges) => void, dbName = '') {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(dbName ? `${SYNC_CHANNEL}:${dbName}` : SYNC_CHANNEL) : null;
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<SyncMessage>) => {
        const msg = event.data;
        if (msg && msg.from !== this.tabId && msg.changes) onRemote(msg.changes);
      };
    }
  }

  publish(changes: RemoteChanges): void {
    this.channel?.postMessage({ from: this.tabId, changes } satisfies SyncMessage);
  }

  close(): void {
    this.channel?.close();
  }
}
