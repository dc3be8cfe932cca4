import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLiveServer, type LiveServer } from '../../src/server/live-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: LiveServer | undefined;

/**
 * Serves the production build (`npm run build` runs first) on a free loopback port, as
 * `npm run serve` does: the app and the live-session endpoint on one origin.
 */
export default async function setup(project: TestProject) {
  const dist = resolve(process.cwd(), 'dist');
  if (!existsSync(join(dist, 'index.html')))
    throw new Error('No build found: run `npm run build` before the end-to-end tests.');
  const dataDir = mkdtempSync(join(tmpdir(), 'jc-e2e-live-'));
  // Every test's browsers share one address here: the per-address limit on new rooms (tested on a
  // server of its own in tests/server/hardening.test.ts) would stop the suite's later rooms.
  server = await startLiveServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    staticDir: dist,
    roomsPerAddressPerHour: 10_000,
  });
  project.provide('baseUrl', server.url);
  return async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
