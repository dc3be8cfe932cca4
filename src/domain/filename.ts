/** Names Windows keeps for devices, whatever the extension: `CON.png` cannot be saved there. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Room for a download name: many file systems allow 255 bytes, and a browser may add " (1)". */
export const FILE_NAME_MAX_BYTES = 150;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

/** The longest start of `text` of at most `max` UTF-8 bytes that ends between two characters. */
export function cutToBytes(text: string, max: number): string {
  if (utf8Bytes(text) <= max) return text;
  // Graphemes where the engine knows them (an emoji with its modifiers, a letter and its marks).
  const parts =
    typeof Intl !== 'undefined' && 'Segmenter' in Intl
      ? Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment)
      : Array.from(text);
  let out = '';
  let used = 0;
  for (const part of parts) {
    const n = utf8Bytes(part);
    if (used + n > max) break;
    out += part;
    used += n;
  }
  return out;
}

/**
 * A download name made from a title: letters and digits of any script are kept, everything
 * else becomes a single dash, so the name is valid on every file system; never a name Windows
 * reserves, and at most FILE_NAME_MAX_BYTES bytes with its extension.
 */
export function safeFileName(title: string, extension: string, fallback = 'journey'): string {
  let base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Marks with no letter before them would start the name with a lone accent.
  base = base.replace(/^\p{M}+/u, '');
  base = cutToBytes(base, FILE_NAME_MAX_BYTES - utf8Bytes(extension)).replace(/-+$/g, '');
  if (!base) base = fallback;
  if (WINDOWS_RESERVED.test(base)) base = `${base}-${fallback}`;
  return `${base}${extension}`;
}
