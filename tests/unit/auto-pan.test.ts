import { describe, expect, it } from 'vitest';
import { AUTO_PAN, autoPanStep } from '../../src/canvas/auto-pan';

describe('autoPanStep', () => {
  const canvas = { left: 0, top: 200, right: 1000, bottom: 900 };
  const bigMap = { left: -500, top: -300, right: 2000, bottom: 1800 };

  it('stands still while the pointer is away from the edges', () => {
    expect(autoPanStep({ x: 500, y: 500 }, canvas, bigMap)).toEqual({ x: 0, y: 0 });
  });

  it('scrolls towards the edge the pointer is near, faster the nearer', () => {
    const slow = autoPanStep({ x: 500, y: 880 }, canvas, bigMap);
    const fast = autoPanStep({ x: 500, y: 899 }, canvas, bigMap);
    expect(slow.x).toBe(0);
    expect(slow.y).toBeLessThan(0); // the map moves up to show what lies below
    expect(fast.y).toBeLessThan(slow.y);
    expect(Math.abs(fast.y)).toBeLessThanOrEqual(AUTO_PAN.speed);
    const corner = autoPanStep({ x: 5, y: 205 }, canvas, bigMap);
    expect(corner.x).toBeGreaterThan(0);
    expect(corner.y).toBeGreaterThan(0);
  });

  it('never slides a map that is already in view on that side', () => {
    const shown = { left: 100, top: 250, right: 900, bottom: 880 };
    expect(autoPanStep({ x: 995, y: 895 }, canvas, shown)).toEqual({ x: 0, y: 0 });
    expect(autoPanStep({ x: 2, y: 202 }, canvas, shown)).toEqual({ x: 0, y: 0 });
    // Only as far as the map still goes beyond the edge.
    expect(autoPanStep({ x: 500, y: 899 }, canvas, { ...shown, bottom: 903 })).toEqual({ x: 0, y: -3 });
  });
});
