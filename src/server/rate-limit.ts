/**
 * At most `limit` events per key within a sliding `windowMs` (a client address creating rooms).
 * Keys are forgotten once their window has passed, and at most `maxKeys` are kept: past that,
 * the oldest go first, so many addresses cannot make the table grow without end.
 */
export class RateLimit {
  private readonly events = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one event for `key`; false (and nothing counted) when the key is past its limit. */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.events.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return false;
    }
    recent.push(now);
    this.events.delete(key);
    this.events.set(key, recent);
    while (this.events.size > this.maxKeys) this.events.delete(this.events.keys().next().value as string);
    return true;
  }
}
