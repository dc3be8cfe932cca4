/**
 * Options an export keeps per journey in this browser (localStorage), read back through `parse`
 * since storage can be edited by hand. Storage that is full or refused keeps nothing: the options
 * are a convenience, and the next export starts from the defaults.
 */
export function keptOptions<T>(prefix: string, parse: (text: string | null) => T, fallback: T) {
  return {
    read(storage: Storage | null, journeyId: string): T {
      try {
        return parse(storage?.getItem(prefix + journeyId) ?? null);
      } catch {
        return fallback;
      }
    },
    keep(storage: Storage | null, journeyId: string, value: T): void {
      try {
        storage?.setItem(prefix + journeyId, JSON.stringify(value));
      } catch {
        // Not kept.
      }
    },
  };
}
