import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';

/** Hocuspocus' message kinds and its auth sub-kinds, as on the wire. */
export const MESSAGE = { sync: 0, awareness: 1, auth: 2, stateless: 5, broadcastStateless: 6 } as const;
const AUTH = { token: 0, permissionDenied: 1, authenticated: 2 } as const;
/** y-protocols' sync steps: a state vector, the changes it lacks, and a change. */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: unknown;
}

export function frame(name: string, type: number, write: (e: encoding.Encoder) => void = () => undefined): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

/**
 * A client speaking Hocuspocus' protocol by hand (lib0 encoding, as the provider does), to send
 * what a modified client could: anything, in any order.
 */
/** Hocuspocus' answer to a change: whether it was applied. */
const SYNC_STATUS = 8;
/** A sync message sent as an answer (Hocuspocus' SyncReply). */
const SYNC_REPLY = 4;

export class RawClient {
  readonly stateless: string[] = [];
  /** The server's answer to each authentication, by room: a scope, or "denied". */
  readonly auth = new Map<string, string>();
  closeCode: number | null = null;
  /** Each whole state (sync step 2) the server sent, undecoded. */
  readonly states: Uint8Array[] = [];
  /** The server's answers to changes: a confirmation (applied or not) or a refusal. */
  answers = 0;
  readonly closed: Promise<number>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.read(new Uint8Array(data)));
    ws.on('error', () => undefined);
    this.closed = new Promise((done) =>
      ws.on('close', (code) => {
        this.closeCode = code;
        done(code);
      }),
    );
  }

  static open(wsUrl: string): Promise<RawClient> {
    const ws = new WebSocket(wsUrl);
    const client = new RawClient(ws);
    return new Promise((ready, fail) => {
      ws.once('open', () => ready(client));
      ws.once('error', fail);
    });
  }

  private read(data: Uint8Array): void {
    const d = decoding.createDecoder(data);
    const name = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    if (type === MESSAGE.stateless) this.stateless.push(decoding.readVarString(d));
    if (type === MESSAGE.stateless || type === SYNC_STATUS) this.answers++;
    if ((type === MESSAGE.sync || type === SYNC_REPLY) && decoding.readVarUint(d) === SYNC_STEP_2)
      this.states.push(decoding.readVarUint8Array(d));
    if (type === MESSAGE.auth) {
      const sub = decoding.readVarUint(d);
      if (sub === AUTH.authenticated) this.auth.set(name, decoding.readVarString(d));
      if (sub === AUTH.permissionDenied) this.auth.set(name, 'denied');
    }
  }

  send(data: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data);
  }

  /** Authenticates for a room; resolves with the server's answer. */
  async authenticate(name: string, token: string): Promise<string> {
    this.send(
      frame(name, MESSAGE.auth, (e) => {
        encoding.writeVarUint(e, AUTH.token);
        encoding.writeVarString(e, token);
      }),
    );
    const end = Date.now() + 5000;
    while (!this.auth.has(name) && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    return this.auth.get(name) ?? 'no answer';
  }

  update(name: string, update: Uint8Array): void {
    this.send(
      frame(name, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC_UPDATE);
        encoding.writeVarUint8Array(e, update);
      }),
    );
  }

  /** Asks for the room's whole state; resolves with it, undecoded (nothing of it is applied here). */
  async wholeState(name: string, ms = 60_000): Promise<Uint8Array> {
    const had = this.states.length;
    this.send(
      frame(name, MESSAGE.sync, (e) => {
        encoding.writeVarUint(e, SYNC_STEP_1);
        encoding.writeVarUint8Array(e, new Uint8Array([0]));
      }),
    );
    const end = Date.now() + ms;
    while (this.states.length === had && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
    if (this.states.length === had) throw new Error('no state in time');
    return this.states.at(-1)!;
  }

  awareness(name: string, entries: AwarenessEntry[]): void {
    const body = encoding.createEncoder();
    encoding.writeVarUint(body, entries.length);
    for (const { clientId, clock, state } of entries) {
      encoding.writeVarUint(body, clientId);
      encoding.writeVarUint(body, clock);
      encoding.writeVarString(body, JSON.stringify(state));
    }
    this.send(frame(name, MESSAGE.awareness, (e) => encoding.writeVarUint8Array(e, encoding.toUint8Array(body))));
  }

  broadcast(name: string, payload: string, type: number = MESSAGE.broadcastStateless): void {
    this.send(frame(name, type, (e) => encoding.writeVarString(e, payload)));
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Whether the socket closes within `ms`. */
export async function closesWithin(client: RawClient, ms: number): Promise<boolean> {
  return Promise.race([client.closed.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
}
