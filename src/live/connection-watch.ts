/**
 * Whether a live session's socket still reaches the server. A socket can look open for a minute
 * after the network went (TCP only notices when it next sends and gets no acknowledgement), and a
 * new one can hang half-open (its upgrade request sent into nowhere) until the browser gives up:
 * both once left the status saying "connected" or "Offline" for tens of seconds. So the client asks
 * the server every second (an application-level ping the server answers itself) and gives up on a
 * socket that has been silent, or has not opened, for about two seconds; it then reconnects at
 * once. The decisions are pure here; `live-session.ts` binds them to the provider's socket.
 */

/** How often an open socket asks the server whether it is there. */
export const PING_EVERY_MS = 1_000;
/** An open socket that heard nothing (no answer, no change) for this long is taken as dead. */
export const SILENT_MS = 2_000;
/** A socket not open this long after it was made is taken as lost (loopback and LANs open in milliseconds). */
export const OPEN_WITHIN_MS = 2_500;
/** How often the watch looks; a drop is then told within `SILENT_MS` plus this. */
export const WATCH_EVERY_MS = 250;

export interface SocketWatch {
  /** `opening`: made, not yet open; `open`: open (its handshake done); `closed`: none. */
  phase: 'opening' | 'open' | 'closed';
  /** When the socket entered this phase. */
  since: number;
  /** When the server was last heard on this socket (0: not yet). */
  heard: number;
  /** When the last ping went (0: none yet on this socket). */
  pinged: number;
}

export type WatchAction = 'ping' | 'drop' | 'wait';

/** What to do now: give up on the socket, ask the server whether it is there, or nothing. */
export function watchStep(s: SocketWatch, now: number): WatchAction {
  if (s.phase === 'closed') return 'wait';
  if (s.phase === 'opening') return now - s.since > OPEN_WITHIN_MS ? 'drop' : 'wait';
  if (now - Math.max(s.heard, s.since) > SILENT_MS) return 'drop';
  return now - s.pinged >= PING_EVERY_MS ? 'ping' : 'wait';
}

/** The socket's state after its phase changed (a new socket starts unheard and unpinged). */
export function enterPhase(s: SocketWatch, phase: SocketWatch['phase'], now: number): SocketWatch {
  return s.phase === phase ? s : { phase, since: now, heard: 0, pinged: 0 };
}

/**
 * What the status line says: connected only once the server has answered on the open socket (an
 * open socket that no one answers, as behind a proxy whose server is gone, is still reconnecting),
 * and offline whenever the browser says the network is gone.
 */
export function connectionStatus(s: SocketWatch, online: boolean): 'connected' | 'connecting' | 'offline' {
  if (!online) return 'offline';
  if (s.phase === 'open') return s.heard > 0 ? 'connected' : 'connecting';
  return s.phase === 'opening' ? 'connecting' : 'offline';
}
