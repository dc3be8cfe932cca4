/** What went wrong with storage, in terms a user can act on. */
export type StorageProblem =
  | 'quota'
  | 'blocked'
  | 'unavailable'
  | 'newerTab'
  | 'writeFailed'
  | 'openFailed'
  /** Records that would have been written over another journey's (refused, nothing written). */
  | 'clash';

interface ErrorLike {
  name?: string;
  inner?: unknown;
  message?: string;
}

function nameOf(e: unknown): string {
  return typeof e === 'object' && e !== null ? String((e as ErrorLike).name ?? '') : '';
}

/** Walks Dexie's wrapping (`AbortError` with `.inner`) down to the cause. */
export function rootCause(e: unknown): unknown {
  let cur = e;
  for (let i = 0; i < 5; i++) {
    const inner = typeof cur === 'object' && cur !== null ? (cur as ErrorLike).inner : undefined;
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

export function classifyStorageError(e: unknown): StorageProblem {
  const names = [nameOf(e), nameOf(rootCause(e))];
  if (names.includes('QuotaExceededError')) return 'quota';
  // Chromium on a full disk: the write aborts, the connection closes, and opening it again fails
  // with "Internal error opening backing store" (seen with a profile on a full tmpfs).
  const message = String((rootCause(e) as ErrorLike | null)?.message ?? (e as ErrorLike | null)?.message ?? '');
  if (names.includes('UnknownError') || /backing store|disk|space/i.test(message)) return 'quota';
  if (names.includes('DatabaseClosedError')) return 'quota';
  if (names.some((n) => ['MissingAPIError', 'OpenFailedError', 'SecurityError', 'InvalidAccessError'].includes(n))) {
    return 'unavailable';
  }
  // A connection the browser closed (a disk error, a full disk) is not a newer tab: that one is
  // known from the `versionchange` event alone.
  return 'writeFailed';
}

export function errorDetail(e: unknown): string {
  const cause = rootCause(e);
  if (typeof cause === 'object' && cause !== null) {
    const { name, message } = cause as ErrorLike;
    return [name, message].filter(Boolean).join(': ');
  }
  return String(cause);
}
