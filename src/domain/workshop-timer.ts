/**
 * The workshop timer as plain data: a facilitator time-boxes an activity ("five minutes for pain
 * points"). Times are milliseconds from any clock; `now` is passed in so the logic is testable.
 */
export interface Timer {
  durationMs: number;
  /** When the running period began; null while paused or not started. */
  startedAt: number | null;
  /** Time run before the current period (sum of earlier periods). */
  elapsedMs: number;
}

const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** A timer as kept or shared (session storage, another participant): checked, else null. */
export function parseTimer(value: unknown): Timer | null {
  if (!value || typeof value !== 'object') return null;
  const t = value as { durationMs?: unknown; startedAt?: unknown; elapsedMs?: unknown };
  if (!isTime(t.durationMs) || t.durationMs > TIMER_MAX_MS || !isTime(t.elapsedMs)) return null;
  if (!(t.startedAt === null || isTime(t.startedAt))) return null;
  return { durationMs: t.durationMs, elapsedMs: Math.min(t.elapsedMs, t.durationMs), startedAt: t.startedAt };
}

/** When a running timer's time was (or will be) up; null while paused. */
export const endsAt = (timer: Timer): number | null =>
  timer.startedAt === null ? null : timer.startedAt + timer.durationMs - timer.elapsedMs;

export const TIMER_MINUTES = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60] as const;

export const newTimer = (minutes: number): Timer => ({ durationMs: minutes * 60_000, startedAt: null, elapsedMs: 0 });

export function elapsed(timer: Timer, now: number): number {
  return Math.min(
    timer.durationMs,
    timer.elapsedMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt)),
  );
}

export const remaining = (timer: Timer, now: number): number => timer.durationMs - elapsed(timer, now);
export const isRunning = (timer: Timer, now: number): boolean => timer.startedAt !== null && remaining(timer, now) > 0;
export const isFinished = (timer: Timer, now: number): boolean => remaining(timer, now) <= 0;

/** Starts or resumes; a finished timer starts again from its full length. */
export function start(timer: Timer, now: number): Timer {
  if (isRunning(timer, now)) return timer;
  const base = isFinished(timer, now) ? 0 : elapsed(timer, now);
  return { ...timer, startedAt: now, elapsedMs: base };
}

export function pause(timer: Timer, now: number): Timer {
  if (timer.startedAt === null) return timer;
  return { ...timer, startedAt: null, elapsedMs: elapsed(timer, now) };
}

export const reset = (timer: Timer): Timer => ({ ...timer, startedAt: null, elapsedMs: 0 });

/** The longest a time-box can grow to with "+1 minute". */
export const TIMER_MAX_MS = 180 * 60_000;

/**
 * "+1 minute": one more minute for the room. A timer whose time was up runs again for that
 * minute; a paused one stays paused, a minute longer.
 */
export function addMinute(timer: Timer, now: number): Timer {
  if (timer.durationMs + 60_000 > TIMER_MAX_MS) return timer;
  const wasUp = isFinished(timer, now);
  const longer = { ...timer, durationMs: timer.durationMs + 60_000 };
  if (wasUp) return start({ ...longer, startedAt: null, elapsedMs: timer.durationMs }, now);
  return longer;
}

/** "4:05", "12:00", "1:00:00": rounded up, so the clock shows 0:00 only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
