/**
 * Keeps the node object of each id while its inputs are the same, so React Flow re-renders only
 * the nodes whose records changed (xyflow compares user nodes by identity).
 */
export class NodeCache<T> {
  private entries = new Map<string, { deps: readonly unknown[]; value: T }>();
  private seen = new Set<string>();

  get(key: string, deps: readonly unknown[], make: () => T): T {
    this.seen.add(key);
    const hit = this.entries.get(key);
    if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => Object.is(d, deps[i]))) return hit.value;
    const value = make();
    this.entries.set(key, { deps, value });
    return value;
  }

  /** Forgets everything: the next `get` of each key makes its value anew. */
  clear(): void {
    this.entries.clear();
  }

  /** Forgets ids not asked for since the last sweep. */
  sweep(): void {
    for (const key of this.entries.keys()) if (!this.seen.has(key)) this.entries.delete(key);
    this.seen.clear();
  }
}
