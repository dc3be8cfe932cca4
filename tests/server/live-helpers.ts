import { HocuspocusProvider } from '@hocuspocus/provider';
import { afterEach } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startLiveServer, type LiveServer, type LiveServerOptions } from '../../src/server/live-server';
import { RECONNECT_BACKOFF } from '../../src/live/protocol';
import type { NewRoom } from '../../src/server/rooms';

export async function liveServer(options: Partial<LiveServerOptions> = {}) {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'jc-live-'));
  const server: LiveServer = await startLiveServer({ port: 0, storeDebounceMs: 50, ...options, dataDir });
  return {
    server,
    dataDir,
    wsUrl: server.url.replace(/^http/, 'ws') + '/live',
    async createRoom(): Promise<NewRoom> {
      const res = await fetch(`${server.url}/api/rooms`, { method: 'POST' });
      return (await res.json()) as NewRoom;
    },
    async stop(removeData = true) {
      await server.close();
      if (removeData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  failed: string[];
  /** Stateless messages the server sent. */
  told: string[];
  synced: Promise<void>;
  close(): void;
}

/** A participant in Node: a Yjs document bound to a room through Hocuspocus' own provider. */
export function connect(wsUrl: string, room: string, token: string): Client {
  const doc = new Y.Doc();
  const failed: string[] = [];
  const told: string[] = [];
  let onSynced!: () => void;
  const synced = new Promise<void>((r) => (onSynced = r));
  // Given no socket of its own, the provider makes one and connects it (Node has no WebSocket).
  const socket = { url: wsUrl, WebSocketPolyfill: WebSocket, ...RECONNECT_BACKOFF } as { url: string };
  const provider = new HocuspocusProvider({
    ...socket,
    name: room,
    document: doc,
    token,
    onSynced: () => onSynced(),
    onAuthenticationFailed: ({ reason }) => failed.push(reason),
    onStateless: ({ payload }) => told.push(payload),
  });
  return {
    doc,
    provider,
    failed,
    told,
    synced,
    close() {
      // A socket still connecting reports an error as it is closed: expected here.
      provider.configuration.websocketProvider.webSocket?.addEventListener('error', () => undefined);
      provider.destroy();
    },
  };
}

/** Polls until `check` holds (a few seconds at most). */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Puts a stage named `name` into a room's document: a record as the app writes them (the server
 * refuses anything that breaks the journey's rules).
 */
export function putStage(doc: Y.Doc, id: string, name: string, extra: Record<string, unknown> = {}): void {
  const stage = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({ id, journeyId: 'j1', order: 'a0', name, ...extra })) stage.set(k, v);
  doc.getMap('stages').set(id, stage);
}

/** The name of a stage in a room's document (undefined when there is none). */
export function stageName(doc: Y.Doc, id: string): unknown {
  const stage = doc.getMap('stages').get(id);
  return stage instanceof Y.Map ? (stage as Y.Map<unknown>).get('name') : undefined;
}

/** Every stage's name in a room's document, by id. */
export function stageNames(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const id of doc.getMap('stages').keys()) out[id] = stageName(doc, id);
  return out;
}

/**
 * In-process servers and clients for one test file: `start` and `join` keep what they open, and
 * everything is closed after each test.
 */
export function liveFixture() {
  const opened: { stop(): Promise<void> }[] = [];
  const clients: { close(): void }[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of opened.splice(0)) await s.stop();
  });
  return {
    async start(options: Partial<LiveServerOptions> = {}) {
      const live = await liveServer(options);
      opened.push(live);
      return live;
    },
    join(wsUrl: string, room: string, token: string): Client {
      const c = connect(wsUrl, room, token);
      clients.push(c);
      return c;
    },
    /** Closed after the test, with the rest. */
    keep<T extends { close(): void }>(c: T): T {
      clients.push(c);
      return c;
    },
  };
}
