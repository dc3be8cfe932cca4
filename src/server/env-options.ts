import type { LiveServiceOptions } from './live-service';

/** A whole number above zero from the environment, or undefined (unset, or not such a number). */
function count(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * The live service's limits an operator sets for `npm run serve` (README, "The live-session server"):
 * LIVE_MAX_ROOM_RECORDS, LIVE_MAX_ROOM_BYTES, LIVE_ROOMS_PER_HOUR (per client address) and
 * LIVE_MAX_ROOMS (open at once); LIVE_TRUST_PROXY=1 behind a balancer on this machine (the client's
 * address is then the one the balancer names). Unset or invalid values keep the defaults.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<LiveServiceOptions> {
  return {
    roomLimits: {
      ...(count(env.LIVE_MAX_ROOM_RECORDS) && { maxRecords: count(env.LIVE_MAX_ROOM_RECORDS) }),
      ...(count(env.LIVE_MAX_ROOM_BYTES) && { maxBytes: count(env.LIVE_MAX_ROOM_BYTES) }),
    },
    roomsPerAddressPerHour: count(env.LIVE_ROOMS_PER_HOUR),
    maxOpenRooms: count(env.LIVE_MAX_ROOMS),
    trustProxy: env.LIVE_TRUST_PROXY === '1',
  };
}
