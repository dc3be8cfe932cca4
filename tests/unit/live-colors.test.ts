import { describe, expect, it } from 'vitest';
import { COLORS, distinctColor } from '../../src/live/live-state';

describe('participants’ colours', () => {
  it('gives the later of two people in one colour a colour no one has, and leaves the earlier alone', () => {
    const [a, b, c] = COLORS;
    expect(distinctColor({ clientId: 9, color: a! }, [{ clientId: 3, color: a! }])).toBe(b);
    expect(distinctColor({ clientId: 3, color: a! }, [{ clientId: 9, color: a! }])).toBe(a);
    expect(
      distinctColor({ clientId: 9, color: a! }, [
        { clientId: 3, color: a! },
        { clientId: 4, color: b! },
      ]),
    ).toBe(c);
    // No clash: nothing changes.
    expect(distinctColor({ clientId: 9, color: c! }, [{ clientId: 3, color: a! }])).toBe(c);
  });

  it('keeps its colour when every colour is taken', () => {
    const others = COLORS.map((color, i) => ({ clientId: i, color }));
    expect(distinctColor({ clientId: 99, color: COLORS[0]! }, others)).toBe(COLORS[0]);
  });
});
