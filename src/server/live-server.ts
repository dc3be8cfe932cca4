import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { createLiveService, type LiveServiceOptions } from './live-service';
import { serveStatic } from './static-files';

export { LIVE_PATH } from './live-service';

export interface LiveServerOptions extends LiveServiceOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** The production build to serve beside the live endpoint (none: the endpoint only). */
  staticDir?: string;
}

export interface LiveServer {
  /** `http://host:port`, for people; the live endpoint is `ws://host:port/live`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** `npm run serve`: the app's build and the live service on one origin. */
export async function startLiveServer(options: LiveServerOptions): Promise<LiveServer> {
  const service = createLiveService(options);
  const staticDir = options.staticDir ? resolve(options.staticDir) : null;
  const http = createServer((request, response) => {
    // For a load balancer or a monitor: this process answers (not once it is stopping), and how
    // many clients it holds.
    if (request.url === '/healthz' && (request.method === 'GET' || request.method === 'HEAD')) {
      response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      response.end(JSON.stringify({ status: 'ok', connections: service.connections() }));
      return;
    }
    service
      .handleRequest(request, response)
      .then((handled) => {
        if (handled) return;
        if (staticDir && (request.method === 'GET' || request.method === 'HEAD'))
          serveStatic(staticDir, request, response);
        else response.writeHead(404).end();
      })
      .catch(() => {
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
  });
  http.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (!service.handleUpgrade(request, socket, head)) socket.destroy();
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ready, fail) => {
    http.once('error', fail);
    http.listen({ port: options.port ?? 8080, host }, () => ready());
  });
  const { port } = http.address() as { port: number };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    /** Stops accepting connections, stores every room, closes the clients' sockets (they reconnect). */
    async close() {
      const closed = new Promise((r) => http.close(r));
      await service.close();
      http.closeAllConnections();
      await closed;
    },
  };
}
