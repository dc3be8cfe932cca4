/** The encodings a CSV is read in; anything else is refused rather than read as the wrong letters. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * A CSV's bytes as text: UTF-8 (with or without its byte-order mark) or UTF-16 (with a mark, or
 * recognised by its zero bytes). Text that is none of these (Windows-1252, Shift-JIS) is refused:
 * guessing would put wrong letters into the journey without anyone noticing.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } | null {
  const b = bytes;
  if (b[0] === 0xff && b[1] === 0xfe) return decode(b.subarray(2), 'utf-16le');
  if (b[0] === 0xfe && b[1] === 0xff) return decode(b.subarray(2), 'utf-16be');
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return decode(b.subarray(3), 'utf-8');
  // UTF-16 without a mark: ASCII letters leave a zero byte beside each one.
  const n = Math.min(b.length, 2000) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even += 1;
    if (b[i + 1] === 0) odd += 1;
  }
  if (n >= 4 && odd > n / 2 / 3 && even === 0) return decode(b, 'utf-16le');
  if (n >= 4 && even > n / 2 / 3 && odd === 0) return decode(b, 'utf-16be');
  if (b.includes(0)) return null;
  return decode(b, 'utf-8');
}

function decode(bytes: Uint8Array, encoding: TextEncodingName): { text: string; encoding: TextEncodingName } | null {
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}
