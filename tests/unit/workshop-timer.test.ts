import { describe, expect, it } from 'vitest';
import {
  addMinute,
  formatClock,
  isFinished,
  isRunning,
  newTimer,
  pause,
  remaining,
  reset,
  start,
} from '../../src/domain/workshop-timer';

describe('workshop timer', () => {
  it('counts down while running and holds still while paused', () => {
    let t = start(newTimer(5), 1_000);
    expect(remaining(t, 61_000)).toBe(4 * 60_000);
    t = pause(t, 61_000);
    expect(remaining(t, 500_000)).toBe(4 * 60_000);
    expect(isRunning(t, 500_000)).toBe(false);
    t = start(t, 500_000);
    expect(remaining(t, 530_000)).toBe(3.5 * 60_000);
  });

  it('stops at zero and starts over from the full length', () => {
    const t = start(newTimer(1), 0);
    expect(remaining(t, 90_000)).toBe(0);
    expect(isFinished(t, 90_000)).toBe(true);
    expect(isRunning(t, 90_000)).toBe(false);
    const again = start(t, 100_000);
    expect(remaining(again, 100_000)).toBe(60_000);
  });

  it('resets to the full length, paused', () => {
    const t = reset(start(newTimer(3), 0));
    expect(remaining(t, 999_999)).toBe(3 * 60_000);
    expect(t.startedAt).toBeNull();
  });

  it('ignores a clock that goes backwards', () => {
    expect(remaining(start(newTimer(2), 10_000), 5_000)).toBe(2 * 60_000);
  });

  it('formats minutes and seconds, rounding up', () => {
    expect(formatClock(5 * 60_000)).toBe('5:00');
    expect(formatClock(245_001)).toBe('4:06');
    expect(formatClock(999)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(-5)).toBe('0:00');
    expect(formatClock(3_600_000)).toBe('1:00:00');
  });
});

describe('one more minute', () => {
  it('runs a timer whose time was up for one more minute, and makes a paused or running one a minute longer', () => {
    const up = pause(start(newTimer(5), 0), 300_000);
    expect(isFinished(up, 300_000)).toBe(true);
    const more = addMinute(up, 310_000);
    expect(isRunning(more, 310_000)).toBe(true);
    expect(remaining(more, 310_000)).toBe(60_000);
    expect(remaining(more, 340_000)).toBe(30_000);
    const running = start(newTimer(5), 0);
    expect(remaining(addMinute(running, 60_000), 60_000)).toBe(300_000);
    const paused = pause(running, 60_000);
    const longer = addMinute(paused, 90_000);
    expect(isRunning(longer, 90_000)).toBe(false);
    expect(remaining(longer, 90_000)).toBe(300_000);
  });

  it('stops growing at three hours', () => {
    const long = newTimer(180);
    expect(addMinute(long, 0)).toBe(long);
  });
});

describe('workshop state kept for the tab', () => {
  it('restores an intact saved state and refuses anything else', async () => {
    const { restoreWorkshop } = await import('../../src/features/workshop/workshop-state');
    const running = {
      on: true,
      sound: false,
      parkingOpen: true,
      timer: { durationMs: 300_000, startedAt: 1_000, elapsedMs: 20_000 },
    };
    expect(restoreWorkshop(JSON.stringify(running))).toEqual(running);
    // Kept before the sound could be switched off: on.
    const { sound: _unused, ...older } = running;
    expect(restoreWorkshop(JSON.stringify(older)).sound).toBe(true);
    const fresh = {
      on: false,
      sound: true,
      parkingOpen: false,
      timer: { durationMs: 300_000, startedAt: null, elapsedMs: 0 },
    };
    for (const bad of [
      null,
      '',
      '{',
      'null',
      '[]',
      '{"on":"yes"}',
      JSON.stringify({ on: true, timer: { durationMs: -1, startedAt: null, elapsedMs: 0 } }),
      JSON.stringify({ on: true, timer: { durationMs: 60_000, startedAt: 'now', elapsedMs: 0 } }),
      // Longer than any timer can be made.
      JSON.stringify({ on: true, timer: { durationMs: 1e12, startedAt: null, elapsedMs: 0 } }),
    ]) {
      expect(restoreWorkshop(bad)).toEqual(fresh);
    }
  });
});
