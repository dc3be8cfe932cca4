/**
 * What a workshop shares with the room about one journey besides the journey itself (a vote's
 * setup, each person's dots, the timer): a small key → JSON value map. Alone it is kept in this
 * browser; in a live session it is a map of the room's document, so every participant sees the
 * same and each writes only their own keys.
 */
export interface SessionShare {
  read(key: string): unknown;
  /** Every entry whose key starts with `prefix`. */
  entries(prefix: string): [string, unknown][];
  /** Sets (or, with `undefined`, removes) several keys together. */
  write(changes: Readonly<Record<string, unknown>>): void;
  subscribe(listener: () => void): () => void;
  /** Live: shared with others, each spending their own dots. Alone: one person records the room's. */
  readonly solo: boolean;
  /** Who writes here: a stable id, and the name and colour shown beside their dots. */
  voter(): { id: string; name: string; color: string };
}

const PREFIX = 'journey-canvas:session:';

/** A journey's share when it is not live: kept in localStorage, so a reload finds the vote still open. */
export function localShare(journeyId: string, storage: Storage | null, onError: () => void): SessionShare {
  const key = PREFIX + journeyId;
  let values: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) values = parsed as Record<string, unknown>;
  } catch {
    // Unreadable (edited by hand, cut short): started afresh; each reader checks what it takes anyway.
  }
  const listeners = new Set<() => void>();
  return {
    solo: true,
    read: (k) => values[k],
    entries: (prefix) => Object.entries(values).filter(([k]) => k.startsWith(prefix)),
    write(changes) {
      const next = { ...values };
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined) delete next[k];
        else next[k] = v;
      }
      values = next;
      try {
        if (Object.keys(values).length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(values));
      } catch {
        // Full or disabled: the vote goes on in this page, and the user is told it will not outlive it.
        onError();
      }
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    voter: () => ({ id: 'room', name: '', color: '' }),
  };
}
