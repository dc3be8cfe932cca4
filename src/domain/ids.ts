import type { Id } from './types';

/** Random, URL-safe, collision-resistant ids (122 bits from the platform's CSPRNG). */
export function randomId(): Id {
  return crypto.randomUUID();
}

/**
 * Ids from files become object keys in the store. Keys that name Object.prototype members
 * (`__proto__`, `constructor`, …) could reach the prototype, so such ids are always renamed.
 */
export function isSafeKey(id: string): boolean {
  return !(id in Object.prototype);
}
