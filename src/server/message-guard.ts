import type { Document } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import { facilitates, LIVE_PING, LIVE_PONG, updateRefused, type LiveRole } from '../live/protocol';
import {
  isRoleRequest,
  MAX_ROLE_MESSAGE,
  readRoleRequest,
  ROLE_REFUSED,
  type RoleRequest,
} from '../live/role-messages';
import type { Refusal } from './update-check';

/** Hocuspocus' message kinds (`MessageType` of @hocuspocus/server), as they arrive. */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
/** y-protocols' sync steps that carry changes. */
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** What a socket may send before any of its rooms has let it in (a provider sends well under 1 KB). */
export const UNAUTHENTICATED_BYTES = 64 * 1024;
/**
 * Refused changes a socket may send before it is closed: each refusal makes the room's scratch
 * copy again, which costs as much as loading the room.
 */
export const MAX_REFUSALS = 20;
/** What a socket may send while one of its changes is being checked, before it is closed. */
export const MAX_WAITING_BYTES = 8 * 1024 * 1024;

/**
 * A presence another process relayed stays another participant's while it is renewed (a client
 * renews its own every 15 s). One left over from a process that died frees its id after this long,
 * for its participant reconnecting here.
 */
const OTHERS_PRESENCE_MS = 20_000;

type Passed = Uint8Array | null | Promise<Uint8Array | null>;

export interface GuardDeps {
  /** The room a socket has joined under this name, once Hocuspocus has let it in. */
  joined(documentName: string, ws: WebSocket): { document: Document; readOnly: boolean; role: LiveRole } | null;
  /** Null when the update may go into the room (checked off the main thread, so later). */
  checkUpdate(document: Document, update: Uint8Array, role: LiveRole): Promise<Refusal | null>;
  /** Tells this socket's participant that their change was not kept. */
  tell(document: Document, ws: WebSocket, payload: string): void;
  /** Makes a role change the socket asked for, if it may (see `room-roles.ts`); false when refused. */
  changeRole(document: Document, ws: WebSocket, request: RoleRequest): boolean;
}

/**
 * Stands between a socket and Hocuspocus, message by message: permissions apply to every kind,
 * not only to document updates.
 * - Before a room lets the socket in, only a little is kept for it (Hocuspocus queues those
 *   messages until authentication ends): past `UNAUTHENTICATED_BYTES` the socket is closed.
 * - Stateless messages and stateless broadcasts from clients are never passed on: what the room's
 *   participants act on (the room ended) comes from the server alone. The one a client may send,
 *   a facilitator's role change, is made by the server itself if that connection may make it;
 *   refused ones count as refused changes.
 * - A connection speaks for one awareness client id, the first it announces that no other
 *   connection of the room holds; entries for any other id are left out of its updates.
 * - Document changes from an edit link are checked against the journey's rules and the room's
 *   limits first; one refused is dropped (not applied, stored or relayed) and its sender told;
 *   after `MAX_REFUSALS` the socket is closed.
 * Messages are held back by intercepting the socket's "message" event, which is where Hocuspocus
 * reads them (and where it replays those it queued during authentication). While a change is
 * checked, the socket's later messages wait behind it, so Hocuspocus still reads them in order.
 */
export function guardSocket(ws: WebSocket, deps: GuardDeps): void {
  let unauthenticated = 0;
  let refusals = 0;
  const own = new Map<string, number>();
  const emit = ws.emit.bind(ws);
  /** Events behind a change being checked (a close too: Hocuspocus reads all that came before it). */
  let waiting: [string | symbol, unknown[]][] | null = null;
  let waitingBytes = 0;
  const guarded = (event: string | symbol, ...args: unknown[]): boolean => {
    if (waiting) {
      if (event === 'message' && args[0] instanceof Uint8Array) waitingBytes += args[0].length;
      if (waitingBytes > MAX_WAITING_BYTES) ws.terminate();
      else waiting.push([event, args]);
      return true;
    }
    take(event, args);
    return true;
  };
  ws.emit = guarded as typeof ws.emit;

  function take(event: string | symbol, args: unknown[]): void {
    if (event !== 'message') return void emit(event, ...args);
    const [data, ...rest] = args;
    if (!(data instanceof Uint8Array)) return;
    const passed = pass(data);
    if (!(passed instanceof Promise)) {
      if (passed) emit('message', passed, ...rest);
      return;
    }
    const behind: [string | symbol, unknown[]][] = [];
    waiting = behind;
    void passed.then((message) => {
      if (message) emit('message', message, ...rest);
      waiting = null;
      waitingBytes = 0;
      while (behind.length > 0) {
        const [next, nextArgs] = behind.shift()!;
        take(next, nextArgs);
        // Another change to check: what is left waits behind it.
        const now = waiting as [string | symbol, unknown[]][] | null;
        if (now) {
          now.push(...behind);
          for (const [, [d]] of behind) if (d instanceof Uint8Array) waitingBytes += d.length;
          return;
        }
      }
    });
  }

  function pass(data: Uint8Array): Passed {
    let name: string;
    let type: number;
    const decoder = decoding.createDecoder(data);
    try {
      name = decoding.readVarString(decoder);
      type = decoding.readVarUint(decoder);
    } catch {
      ws.close(4400, 'bad message');
      return null;
    }
    const joined = deps.joined(name, ws);
    if (!joined) {
      unauthenticated += data.length;
      if (unauthenticated > UNAUTHENTICATED_BYTES) {
        ws.terminate();
        return null;
      }
      // A client loading a large room asks too: it waits for the room, not for a dead network.
      if (type === STATELESS) return answerPing(name, decoder);
      return type === AUTH || type === SYNC || type === AWARENESS || type === QUERY_AWARENESS ? data : null;
    }
    try {
      switch (type) {
        case SYNC:
        case SYNC_REPLY:
          return syncMessage(joined.document, joined.readOnly, joined.role, data, decoder);
        case AWARENESS:
          return awarenessMessage(name, joined.document, joined.role, decoder);
        case STATELESS:
          statelessMessage(name, joined.document, joined.role, decoder);
          return null;
        case AUTH:
        case QUERY_AWARENESS:
        case CLOSE:
          return data;
        default:
          // Broadcast messages, and kinds a client never sends.
          return null;
      }
    } catch {
      ws.close(4400, 'bad message');
      return null;
    }
  }

  /** A ping is answered here, to this socket alone; no stateless message goes on to the room. */
  function answerPing(name: string, decoder: decoding.Decoder): null {
    let payload: string;
    try {
      payload = decoding.readVarString(decoder);
    } catch {
      ws.close(4400, 'bad message');
      return null;
    }
    if (payload === LIVE_PING) pong(name);
    return null;
  }

  function pong(name: string): void {
    const answer = encoding.createEncoder();
    encoding.writeVarString(answer, name);
    encoding.writeVarUint(answer, STATELESS);
    encoding.writeVarString(answer, LIVE_PONG);
    ws.send(encoding.toUint8Array(answer));
  }

  function syncMessage(
    document: Document,
    readOnly: boolean,
    role: LiveRole,
    data: Uint8Array,
    decoder: decoding.Decoder,
  ): Passed {
    const step = decoding.readVarUint(decoder);
    // A view link's changes are refused by Hocuspocus itself (and acknowledged as not applied).
    if (readOnly || (step !== SYNC_STEP_2 && step !== SYNC_UPDATE)) return data;
    const update = decoding.readVarUint8Array(decoder);
    return deps.checkUpdate(document, update, role).then((refusal) => {
      if (!refusal) return data;
      deps.tell(document, ws, updateRefused(refusal));
      if (++refusals >= MAX_REFUSALS) ws.close(4429, 'too many refused changes');
      return null;
    });
  }

  /** A ping, answered here; a facilitator's role request; nothing else a client sends goes on. */
  function statelessMessage(name: string, document: Document, role: LiveRole, decoder: decoding.Decoder): void {
    // Read only when it could be one: a request is a few hundred bytes.
    if (decoder.arr.length - decoder.pos > MAX_ROLE_MESSAGE + 8) return refuseRole(document);
    const payload = decoding.readVarString(decoder);
    if (payload === LIVE_PING) return pong(name);
    if (!isRoleRequest(payload)) return;
    const request = role === 'host' ? readRoleRequest(payload) : null;
    if (!request || !deps.changeRole(document, ws, request)) refuseRole(document);
  }

  function refuseRole(document: Document): void {
    deps.tell(document, ws, ROLE_REFUSED);
    if (++refusals >= MAX_REFUSALS) ws.close(4429, 'too many refused changes');
  }

  function awarenessMessage(
    name: string,
    document: Document,
    role: LiveRole,
    decoder: decoding.Decoder,
  ): Uint8Array | null {
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder));
    const count = decoding.readVarUint(update);
    const kept = encoding.createEncoder();
    let keptCount = 0;
    const entries = encoding.createEncoder();
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(update);
      const clock = decoding.readVarUint(update);
      const state = decoding.readVarString(update);
      if (!speaksFor(name, document, clientId)) continue;
      encoding.writeVarUint(entries, clientId);
      encoding.writeVarUint(entries, clock);
      encoding.writeVarString(entries, stamped(state, role));
      keptCount++;
    }
    if (keptCount === 0) return null;
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, keptCount);
    encoding.writeUint8Array(body, encoding.toUint8Array(entries));
    encoding.writeVarString(kept, name);
    encoding.writeVarUint(kept, AWARENESS);
    encoding.writeVarUint8Array(kept, encoding.toUint8Array(body));
    return encoding.toUint8Array(kept);
  }

  function speaksFor(name: string, document: Document, clientId: number): boolean {
    const bound = own.get(name);
    if (bound !== undefined) return bound === clientId;
    for (const [socket, { clients }] of document.connections)
      if (socket !== ws && (clients as Set<unknown>).has(clientId)) return false;
    for (const [socket] of document.connections) if (socket !== ws && claimed.get(socket)?.has(clientId)) return false;
    // Held on another process (its state came through Redis, and is kept fresh): not this socket's.
    const meta = document.awareness.meta.get(clientId);
    if (document.awareness.states.has(clientId) && meta && Date.now() - meta.lastUpdated < OTHERS_PRESENCE_MS)
      return false;
    own.set(name, clientId);
    let mine = claimed.get(ws);
    if (!mine) claimed.set(ws, (mine = new Set()));
    mine.add(clientId);
    return true;
  }
}

/**
 * A presence as the others see it: its role as the server knows it (whatever the client wrote),
 * and only a facilitator's "follow me" and view.
 */
function stamped(state: string, role: LiveRole): string {
  let value: unknown;
  try {
    value = JSON.parse(state);
  } catch {
    return 'null';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return state === 'null' ? state : 'null';
  const user = (value as Record<string, unknown>).user;
  if (typeof user !== 'object' || user === null || Array.isArray(user)) return JSON.stringify(value);
  const fields: Record<string, unknown> = { ...user, role };
  if (!facilitates(role)) {
    fields.leading = false;
    fields.view = null;
  }
  return JSON.stringify({ ...value, user: fields });
}

/** The awareness ids each socket has bound, so a second socket cannot take one before its first state lands. */
const claimed = new WeakMap<WebSocket, Set<number>>();
