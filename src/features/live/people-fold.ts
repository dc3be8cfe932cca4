/**
 * A face for a name when there is no room for the name: the first letters of its first and last
 * words (one character for a name in a script without spaces, such as 李明 → 李).
 */
export function initials(name: string): string {
  const words = name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/\s+/u)
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length === 0) return [...name.trim()][0]?.toUpperCase() ?? '?';
  const first = (word: string) => [...word].find((ch) => /[\p{L}\p{N}]/u.test(ch)) ?? '';
  const head = first(words[0]!);
  // Scripts written without spaces (Han, Kana, Hangul, Thai): one character reads as the name.
  if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(head)) return head;
  const last = words.length > 1 ? first(words[words.length - 1]!) : '';
  return (head + last).toLocaleUpperCase();
}

/**
 * Which people get a face in a folded strip and how many are left for "+N": this person first,
 * then those here, then those gone; when only one would be left over, its face takes the place
 * "+1" would have taken.
 */
export function foldPeople<P extends { me: boolean; connected: boolean }>(
  people: readonly P[],
  faces: number,
): { shown: P[]; rest: number } {
  const order = [...people].sort((a, b) => rank(a) - rank(b));
  if (order.length <= faces + 1) return { shown: order, rest: 0 };
  return { shown: order.slice(0, faces), rest: order.length - faces };
}

const rank = (p: { me: boolean; connected: boolean }) => (p.me ? 0 : p.connected ? 1 : 2);
