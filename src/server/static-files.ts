import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { SECURITY_HEADERS } from './security-headers';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the production build: a file under `root` if the path names one, else the app's page
 * (its routes live in the URL fragment, but a stray path still gets the app). Hashed assets are
 * cached for a year; everything else (the page, the service worker, the manifest) is revalidated.
 * A missing asset and any source map are not found (maps stay out of production). Every response
 * carries the app's security headers.
 */
export function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): void {
  let path: string;
  try {
    path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
  } catch {
    response.writeHead(400).end();
    return;
  }
  const asset = path.startsWith('/assets/');
  if (path.endsWith('.map')) {
    response.writeHead(404, SECURITY_HEADERS).end();
    return;
  }
  const file = normalize(join(root, path));
  const inside = file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);
  let target = join(root, 'index.html');
  if (inside) {
    try {
      if (statSync(file).isFile()) target = file;
    } catch {
      // not a file: the app's page
    }
  }
  const immutable = target.startsWith(join(root, 'assets') + sep);
  if (asset && !immutable) {
    response.writeHead(404, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' }).end();
    return;
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(target)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(target)
    .on('error', () => response.destroy())
    .pipe(response);
}
