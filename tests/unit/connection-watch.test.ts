import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  connectionStatus,
  enterPhase,
  OPEN_WITHIN_MS,
  watchStep,
  WATCH_EVERY_MS,
  type SocketWatch,
} from '../../src/live/connection-watch';

/** The requirement: a lost or returned network is told within this long. */
const TOLD_WITHIN_MS = 3_000;

/**
 * A socket opened at 0 whose server answers each ping after `latency` until `silentFrom`, then
 * never again. Returns when the watch gave the socket up (null: it never did before `until`).
 */
function run(latency: number, silentFrom: number, until: number): number | null {
  let s: SocketWatch = enterPhase({ phase: 'closed', since: 0, heard: 0, pinged: 0 }, 'open', 0);
  const answers: number[] = [];
  for (let now = WATCH_EVERY_MS; now <= until; now += WATCH_EVERY_MS) {
    for (const at of answers.splice(0))
      if (at <= now) s = { ...s, heard: at };
      else answers.push(at);
    const action = watchStep(s, now);
    if (action === 'drop') return now;
    if (action === 'ping') {
      s = { ...s, pinged: now };
      if (now + latency < silentFrom) answers.push(now + latency);
    }
  }
  return null;
}

describe('watching a live connection', () => {
  it('keeps a socket whose server answers within half a second', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 500 }), (latency) => run(latency, Infinity, 60_000) === null));
  });

  it('gives a socket up within 3 s of its server falling silent, however the pings fell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 20_000 }), (latency, silentFrom) => {
        const dropped = run(latency, silentFrom, 60_000);
        expect(dropped).not.toBeNull();
        expect(dropped! - silentFrom).toBeLessThanOrEqual(TOLD_WITHIN_MS);
      }),
    );
  });

  it('gives up a socket that does not open, and never one that is closed', () => {
    const opening = enterPhase({ phase: 'closed', since: 0, heard: 0, pinged: 0 }, 'opening', 1_000);
    expect(watchStep(opening, 1_000 + OPEN_WITHIN_MS)).toBe('wait');
    expect(watchStep(opening, 1_000 + OPEN_WITHIN_MS + WATCH_EVERY_MS)).toBe('drop');
    expect(watchStep(enterPhase(opening, 'closed', 2_000), 60_000)).toBe('wait');
  });

  it('says connected only once the server answered on the open socket, and offline when the browser says so', () => {
    const open = enterPhase({ phase: 'opening', since: 0, heard: 0, pinged: 0 }, 'open', 100);
    expect(connectionStatus(open, true)).toBe('connecting');
    const answered = { ...open, heard: 150 };
    expect(connectionStatus(answered, true)).toBe('connected');
    expect(connectionStatus(answered, false)).toBe('offline');
    // A new socket starts unheard: the last one's answers say nothing of it.
    expect(connectionStatus(enterPhase(enterPhase(answered, 'closed', 200), 'opening', 300), true)).toBe('connecting');
    expect(connectionStatus(enterPhase(answered, 'closed', 200), true)).toBe('offline');
  });
});
