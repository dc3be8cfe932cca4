import { Redis } from '@hocuspocus/extension-redis';
import { Connection, Hocuspocus, type Extension } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { facilitates, ROOM_ENDED, SERVER_RESTARTING } from '../live/protocol';
import { guardSocket } from './message-guard';
import { RateLimit } from './rate-limit';
import { RoomEnds } from './room-ends';
import { hashSecret, partsOf, ROOM_ID, RoomStore } from './rooms';
import { changeRole, currentRole, type RoomContext } from './room-roles';
import { StorageGuard } from './storage-guard';
import { RoomThread } from './room-thread';
import { DEFAULT_ROOM_LIMITS, type RoomLimits } from './update-check';

export interface LiveServiceOptions {
  /** Where the SQLite file lives. */
  dataDir: string;
  /** With Redis, several server processes serve the same rooms. */
  redisUrl?: string;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes?: number;
  /** Most connections one room takes. */
  maxConnectionsPerRoom?: number;
  /** How long changes gather before the room's document is written (ms). */
  storeDebounceMs?: number;
  /** How often a room that could not be written (disk full) is tried again (ms). */
  storageRetryMs?: number;
  /** How much one room may hold; a change past it is refused. */
  roomLimits?: Partial<RoomLimits>;
  /** Rooms one client address may create per hour. */
  roomsPerAddressPerHour?: number;
  /** Rooms open (created, not ended) at once on this server. */
  maxOpenRooms?: number;
  /**
   * Behind a balancer on this machine: a request from a loopback address is counted against the
   * client address the balancer names (`X-Real-IP`), not the balancer's own.
   */
  trustProxy?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The address a request is counted against (room creation is limited per address). */
function clientAddress(request: IncomingMessage, trustProxy: boolean): string {
  const peer = request.socket.remoteAddress ?? '';
  const named = request.headers['x-real-ip'];
  return trustProxy && LOOPBACK.has(peer) && typeof named === 'string' && named.length <= 64 ? named : peer;
}

/** The path of the WebSocket endpoint. */
export const LIVE_PATH = '/live';
const MAX_BODY = 4096;

export interface LiveService {
  /** Answers `/api/…` requests; false for anything else. */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Takes a WebSocket upgrade to the live endpoint; false for any other path. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** The clients connected to this process now (for its health check). */
  connections(): number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((done, fail) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        fail(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
    request.on('error', fail);
  });
}

const BAD_BODY = Symbol('bad body');

/** The `secret` of a small JSON body (`{ "secret": "…" }`). */
async function readSecret(request: IncomingMessage): Promise<unknown> {
  try {
    return (JSON.parse(await readBody(request)) as { secret?: unknown }).secret;
  } catch {
    return BAD_BODY;
  }
}

function json(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

function redisExtension(url: string): Redis {
  const u = new URL(url);
  return new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    options: { password: u.password || undefined, db: Number(u.pathname.slice(1) || 0) },
  });
}

/**
 * Hocuspocus serving one Yjs document per live journey ("room"), mountable on any Node HTTP
 * server (the production server, or Vite's in development). A link's secret is the connection
 * token: the server keeps only hashes, refuses anything else, and makes view-secret connections
 * read-only on the server itself. Rooms are created and ended over a small HTTP API; an ended
 * room is refused from then on.
 */
export function createLiveService(options: LiveServiceOptions): LiveService {
  const rooms = new RoomStore(options.dataDir);
  const maxConnections = options.maxConnectionsPerRoom ?? 100;
  const limits: RoomLimits = { ...DEFAULT_ROOM_LIMITS, ...options.roomLimits };
  // Merging, loading and checking rooms run on a worker thread: the main thread answers everyone.
  const work = new RoomThread(limits);
  // Each change is written as it arrives (the guard appends it); the debounced store compacts.
  const guard = new StorageGuard(rooms, work, options.storageRetryMs);
  const creations = new RateLimit(options.roomsPerAddressPerHour ?? 20, 60 * 60 * 1000);
  const maxOpenRooms = options.maxOpenRooms ?? 10_000;
  const socketOf = new WeakMap<IncomingMessage, WebSocket>();
  /** A refused socket is closed once the refusal has been sent (Hocuspocus sends it after the hook). */
  const refuse = (request: IncomingMessage) => {
    const ws = socketOf.get(request);
    if (ws) setTimeout(() => ws.close(4403, 'forbidden'), 0);
  };
  const storage: Extension = {
    // A room is applied slice by slice, the thread answering others in between.
    async onLoadDocument({ documentName, document }) {
      const slices = await work.load(documentName, partsOf(rooms.storedParts(documentName)));
      for (const slice of slices) {
        Y.applyUpdate(document, slice);
        await new Promise((next) => setImmediate(next));
      }
    },
    async afterLoadDocument({ documentName, document }) {
      // Changes relayed from other processes reach the worker's copy too (participants' changes
      // are there already: it checked them).
      document.on('update', (update: Uint8Array, origin: unknown) => {
        if (!(origin instanceof Connection)) work.follow(documentName, update);
      });
    },
    async onStoreDocument({ documentName, document }) {
      await guard.store(documentName, document, Y.encodeStateAsUpdate(document));
    },
    async afterUnloadDocument({ documentName, instance }) {
      if (!instance.documents.has(documentName)) work.drop(documentName);
    },
  };
  const extensions: Extension[] = [storage, guard.extension];
  const redis = options.redisUrl ? redisExtension(options.redisUrl) : null;
  if (redis) extensions.push(redis);

  const hocuspocus = new Hocuspocus({
    name: 'journey-canvas-live',
    quiet: true,
    debounce: options.storeDebounceMs ?? 500,
    maxDebounce: 2000,
    extensions,
    async onConnect({ documentName, instance, request }) {
      const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (!ROOM_ID.test(documentName) || open >= maxConnections) {
        refuse(request);
        throw new Error(ROOM_ID.test(documentName) ? 'room full' : 'unknown room');
      }
    },
    async onAuthenticate({ documentName, token, connectionConfig, request }) {
      const access = rooms.access(documentName, token);
      if (!access) {
        refuse(request);
        throw new Error('not allowed');
      }
      connectionConfig.readOnly = access === 'view';
      return { access, secretHash: hashSecret(token as string).toString('hex') } satisfies RoomContext;
    },
  });

  // An ended room's connections are closed for real, sockets too, on every process (Redis).
  const ends = new RoomEnds(redis, (roomId) => {
    const document = hocuspocus.documents.get(roomId);
    if (!document) return;
    const open = [...document.connections.values()].map(({ connection }) => connection);
    // Told first, so everyone knows the room ended rather than dropped.
    for (const connection of open) connection.sendStateless(ROOM_ENDED);
    hocuspocus.closeConnections(roomId);
    for (const connection of open) connection.webSocket.close(4403, 'room ended');
  });
  let stopping = false;

  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 2 * 1024 * 1024 });
  sockets.on('connection', (ws, request: IncomingMessage) => {
    // A socket error (an oversized or broken frame) ends that connection only.
    ws.on('error', () => ws.terminate());
    socketOf.set(request, ws);
    guardSocket(ws, {
      joined(documentName, socket) {
        const document = hocuspocus.documents.get(documentName);
        const connection = document?.connections.get(socket)?.connection;
        if (!document || !connection) return null;
        const role = currentRole(rooms, documentName, connection.context as RoomContext | null, connection.readOnly);
        return { document, readOnly: connection.readOnly, role };
      },
      async checkUpdate(document, update, role) {
        const facilitator = facilitates(role);
        try {
          let refusal = await work.check(document.name, update, facilitator);
          if (refusal === 'unknown') {
            work.open(document.name, Y.encodeStateAsUpdate(document));
            refusal = await work.check(document.name, update, facilitator);
          }
          return refusal === 'unknown' ? 'invalid' : refusal;
        } catch {
          // The worker died on it: refused, as anything it cannot check.
          return 'invalid';
        }
      },
      tell(document, socket, payload) {
        document.connections.get(socket)?.connection.sendStateless(payload);
      },
      changeRole(document, socket, request) {
        return changeRole(
          {
            rooms,
            socketOf: (doc, clientId) => {
              for (const [ws, { clients }] of doc.connections) if ((clients as Set<number>).has(clientId)) return ws;
              return null;
            },
            tell: (doc, ws, payload) => doc.connections.get(ws)?.connection.sendStateless(payload),
          },
          document,
          socket,
          request,
        );
      },
    });
    hocuspocus.handleConnection(ws, request);
  });

  return {
    async handleRequest(request, response) {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      if (!path.startsWith('/api/')) return false;
      if (path === '/api/rooms' && request.method === 'POST') {
        if (!creations.take(clientAddress(request, options.trustProxy ?? false))) {
          response.setHeader('Retry-After', '3600');
          json(response, 429, { error: 'too many rooms' });
        } else if (rooms.openRooms() >= maxOpenRooms) json(response, 503, { error: 'server full' });
        else json(response, 201, rooms.createRoom());
        return true;
      }
      // What a link opens, asked before its holder is asked their name: an ended or wrong link says
      // so at once. It tells no more than connecting with the secret would.
      const check = /^\/api\/rooms\/([^/]+)\/access$/.exec(path);
      if (check && request.method === 'POST') {
        const secret = await readSecret(request);
        if (secret === BAD_BODY) {
          json(response, 400, { error: 'bad request' });
          return true;
        }
        const access = rooms.access(check[1]!, secret);
        if (access) json(response, 200, { access });
        else json(response, 404, { error: 'no such live session' });
        return true;
      }
      const end = /^\/api\/rooms\/([^/]+)\/end$/.exec(path);
      if (end && request.method === 'POST') {
        const secret = await readSecret(request);
        if (secret === BAD_BODY) {
          json(response, 400, { error: 'bad request' });
          return true;
        }
        const roomId = end[1]!;
        if (typeof secret !== 'string' || !rooms.end(roomId, secret)) json(response, 403, { error: 'forbidden' });
        else {
          ends.ended(roomId);
          json(response, 204);
        }
        return true;
      }
      json(response, 404, { error: 'not found' });
      return true;
    },
    handleUpgrade(request, socket, head) {
      if (new URL(request.url ?? '/', 'http://x').pathname !== LIVE_PATH) return false;
      if (stopping) {
        socket.destroy();
        return true;
      }
      sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
      return true;
    },
    connections() {
      return sockets.clients.size;
    },
    async close() {
      stopping = true;
      // Every client is told the server is restarting (a WebSocket close code it reconnects on).
      for (const ws of sockets.clients) ws.close(SERVER_RESTARTING.code, SERVER_RESTARTING.reason);
      const wait = async (done: () => boolean, ms: number) => {
        for (let waited = 0; !done() && waited < ms; waited += 20) await new Promise((r) => setTimeout(r, 20));
      };
      await wait(() => sockets.clients.size === 0, 1000);
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      // Every room is stored now (each change was written as it came; this compacts them).
      await Promise.all(
        [...hocuspocus.documents.keys()].map(async (name) => {
          try {
            await hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`);
          } catch {
            // logged by Hocuspocus; the changes themselves are already written
          }
        }),
      );
      await guard.close();
      // Rooms unload as they are stored (Redis delays that a second): wait a little, not forever.
      await wait(() => hocuspocus.getDocumentsCount() === 0, 1500);
      ends.close();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      rooms.close();
      await work.close();
    },
  };
}
