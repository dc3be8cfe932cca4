import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { ROOM_ID, RoomStore } from './rooms';
import { serveStatic } from './static-files';

export interface LiveServerOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Where the SQLite file lives. */
  dataDir: string;
  /** The production build to serve beside the live endpoint (none: the endpoint only). */
  staticDir?: string;
  /** With Redis, several server processes serve the same rooms. */
  redisUrl?: string;
  /** Largest message a client may send, in bytes. */
  maxMessageBytes?: number;
  /** Most connections one room takes. */
  maxConnectionsPerRoom?: number;
  /** How long changes gather before the room's document is written (ms). */
  storeDebounceMs?: number;
}

export interface LiveServer {
  /** `http://host:port`, for people; the live endpoint is `ws://host:port/live`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The path of the WebSocket endpoint; anything else upgrading is refused. */
export const LIVE_PATH = '/live';
const MAX_BODY = 4096;

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

function json(response: ServerResponse, status: number, body?: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(body === undefined ? undefined : JSON.stringify(body));
}

function redisExtension(url: string): Extension {
  const u = new URL(url);
  return new Redis({
    host: u.hostname,
    port: Number(u.port || 6379),
    options: { password: u.password || undefined, db: Number(u.pathname.slice(1) || 0) },
  });
}

/**
 * Hocuspocus serving one Yjs document per live journey ("room"), with the app's build on the same
 * origin. A link's secret is the connection token: the server keeps only hashes, refuses anything
 * else, and makes view-secret connections read-only on the server itself. Rooms are created and
 * ended over a small HTTP API; an ended room is refused from then on.
 */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const rooms = new RoomStore(options.dataDir);
  const maxConnections = options.maxConnectionsPerRoom ?? 100;
  const staticDir = options.staticDir ? resolve(options.staticDir) : null;

  const api = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (path === '/api/rooms' && request.method === 'POST') {
      json(response, 201, rooms.createRoom());
      return;
    }
    const end = /^\/api\/rooms\/([^/]+)\/end$/.exec(path);
    if (end && request.method === 'POST') {
      let secret: unknown;
      try {
        secret = (JSON.parse(await readBody(request)) as { secret?: unknown }).secret;
      } catch {
        json(response, 400, { error: 'bad request' });
        return;
      }
      const roomId = end[1]!;
      if (typeof secret !== 'string' || !rooms.end(roomId, secret)) {
        json(response, 403, { error: 'forbidden' });
        return;
      }
      server.hocuspocus.closeConnections(roomId);
      json(response, 204);
      return;
    }
    json(response, 404, { error: 'not found' });
  };

  const extensions: Extension[] = [
    new Database({
      fetch: async ({ documentName }) => rooms.loadDocument(documentName),
      store: async ({ documentName, state }) => rooms.storeDocument(documentName, state),
    }),
  ];
  if (options.redisUrl) extensions.push(redisExtension(options.redisUrl));

  const server = new Server(
    {
      name: 'journey-canvas-live',
      address: options.host ?? '127.0.0.1',
      port: options.port ?? 8080,
      quiet: true,
      stopOnSignals: false,
      debounce: options.storeDebounceMs ?? 500,
      maxDebounce: 2000,
      extensions,
      async onUpgrade({ request }) {
        if (new URL(request.url ?? '/', 'http://x').pathname !== LIVE_PATH) throw new Error('not the live endpoint');
      },
      async onConnect({ documentName, instance }) {
        if (!ROOM_ID.test(documentName)) throw new Error('unknown room');
        const open = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
        if (open >= maxConnections) throw new Error('room full');
      },
      async onAuthenticate({ documentName, token, connectionConfig }) {
        const access = rooms.access(documentName, token);
        if (!access) throw new Error('not allowed');
        connectionConfig.readOnly = access === 'view';
        return { access };
      },
      async onRequest({ request, response }) {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        if (path.startsWith('/api/')) await api(request, response, path);
        else if (staticDir && (request.method === 'GET' || request.method === 'HEAD'))
          serveStatic(staticDir, request, response);
        else json(response, 404, { error: 'not found' });
        // Handled: Hocuspocus' own answer must not follow.
        throw null;
      },
    },
    { maxPayload: options.maxMessageBytes ?? 2 * 1024 * 1024 },
  );
  const host = options.host ?? '127.0.0.1';
  // Listened to here: Hocuspocus 3 hands its \`address\` to Node as an unknown option, so the
  // server would answer on every interface whatever HOST said.
  await new Promise<void>((ready, fail) => {
    server.httpServer.once('error', fail);
    server.httpServer.listen({ port: options.port ?? 8080, host }, () => ready());
  });
  const { port } = server.address;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    async close() {
      await server.destroy();
      rooms.close();
    },
  };
}
