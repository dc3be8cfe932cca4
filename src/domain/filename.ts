/**
 * A download name made from a title: letters and digits of any script are kept, everything
 * else becomes a single dash, so the name is valid on every file system.
 */
export function safeFileName(title: string, extension: string, fallback = 'journey'): string {
  const base = title
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
  return `${base || fallback}${extension}`;
}
