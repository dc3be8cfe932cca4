import type { RemoteChanges } from '../store/workspace-store';

const PREFIX = 'journey-canvas:unsaved:';

/**
 * Browsers abort IndexedDB transactions that are still open when a page unloads, so a change
 * made just before a reload or tab close could be lost. When the page is hidden or closed, the
 * records not yet committed are also written here synchronously; the next start replays them
 * into IndexedDB before loading.
 */
export class UnloadJournal {
  constructor(
    private readonly storage: Storage | null,
    private readonly tabId: string,
  ) {}

  write(changes: RemoteChanges): void {
    if (!this.storage) return;
    try {
      this.storage.setItem(PREFIX + this.tabId, JSON.stringify({ at: Date.now(), changes }));
    } catch {
      // Full or blocked: IndexedDB is still being written; this is only a second chance.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(PREFIX + this.tabId);
    } catch {
      /* nothing to clear */
    }
  }

  /** Every journal left by earlier pages, oldest first, with a function to remove them once applied. */
  static collect(storage: Storage | null): { entries: RemoteChanges[]; remove: () => void } {
    if (!storage) return { entries: [], remove: () => {} };
    const found: { key: string; at: number; changes: RemoteChanges }[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PREFIX)) continue;
      try {
        const parsed = JSON.parse(storage.getItem(key) ?? '') as { at: number; changes: RemoteChanges };
        if (parsed && typeof parsed.at === 'number' && parsed.changes) found.push({ key, ...parsed });
      } catch {
        storage.removeItem(key);
      }
    }
    found.sort((a, b) => a.at - b.at);
    return {
      entries: found.map((f) => f.changes),
      remove: () => found.forEach((f) => storage.removeItem(f.key)),
    };
  }
}

export function defaultJournalStorage(): Storage | null {
  try {
    return typeof localStorage !== 'undefined' ? localStorage : null;
  } catch {
    return null;
  }
}
