import type { Id } from '../domain/types';

const PREFIX = 'journey-canvas:live-state:';

/** What a live journey's page leaves for the next one: its document's state and its waiting count. */
export interface StashedState {
  state: Uint8Array;
  waiting: number;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  // In slices: spreading a whole large document into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(text: string): Uint8Array {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

/**
 * A live journey's document, written synchronously as the page is hidden or closed: the browser
 * may abort the IndexedDB write of the last change (as the store's unload journal says), and a
 * change made offline must survive a reload. The next page applies it (Yjs updates apply any
 * number of times) and removes it.
 */
export const liveStash = (storage: Storage | null) => ({
  put(journeyId: Id, stashed: StashedState): void {
    try {
      storage?.setItem(
        PREFIX + journeyId,
        JSON.stringify({ state: toBase64(stashed.state), waiting: stashed.waiting }),
      );
    } catch {
      // Full or blocked: IndexedDB has nearly everything; this is only a second chance.
    }
  },

  take(journeyId: Id): StashedState | null {
    try {
      const text = storage?.getItem(PREFIX + journeyId);
      if (!text) return null;
      const parsed = JSON.parse(text) as { state?: unknown; waiting?: unknown };
      if (typeof parsed.state !== 'string') return null;
      return { state: fromBase64(parsed.state), waiting: typeof parsed.waiting === 'number' ? parsed.waiting : 0 };
    } catch {
      return null;
    }
  },

  remove(journeyId: Id): void {
    try {
      storage?.removeItem(PREFIX + journeyId);
    } catch {
      /* nothing to remove */
    }
  },
});
