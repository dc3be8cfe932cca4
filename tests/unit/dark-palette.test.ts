import { describe, expect, it } from 'vitest';
import { darkPalette } from '../../src/export/dark-palette';

describe('darkPalette', () => {
  it('darkens backgrounds and lightens text, and leaves the stage band and its white text alone', () => {
    const svg =
      '<svg><rect fill="#ffffff" stroke="#dde1e8"/><rect fill="#1f3b64"/>' +
      '<text fill="#ffffff">Stage</text><text fill="#1d2433">Card</text><rect fill="#FFF6F5"/></svg>';
    expect(darkPalette(svg)).toBe(
      '<svg><rect fill="#1a1e26" stroke="#394152"/><rect fill="#1f3b64"/>' +
        '<text fill="#ffffff">Stage</text><text fill="#e4e8ef">Card</text><rect fill="#3a2325"/></svg>',
    );
  });
});
