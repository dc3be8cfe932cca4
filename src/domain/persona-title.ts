/**
 * The title of a journey copied for another persona: the old persona's name in the title gives
 * way to the new one ("Joining the gym — Maya" becomes "Joining the gym — Tom"); a title without
 * it gets the new name appended once, by `append` (the translated pattern). Kept within `max`
 * characters by shortening the original title, never the name.
 */
export function titleForPersona(
  title: string,
  oldName: string | undefined,
  newName: string,
  append: (title: string) => string,
  max: number,
): string {
  const old = oldName?.trim();
  if (old && title.includes(old)) {
    const at = title.lastIndexOf(old);
    const replaced = title.slice(0, at) + newName + title.slice(at + old.length);
    if (replaced.length <= max) return replaced;
  }
  if (title.trim().endsWith(newName)) return title.slice(0, max);
  const full = append(title);
  if (full.length <= max) return full;
  const room = Math.max(0, title.length - (full.length - max));
  return append(Array.from(title).slice(0, room).join('').trimEnd());
}
