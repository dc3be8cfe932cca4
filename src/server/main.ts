import { resolve } from 'node:path';
import { limitsFromEnv } from './env-options';
import { startLiveServer } from './live-server';

/**
 * `npm run serve`: the production build and the live-session endpoint on one origin.
 * PORT (8080), HOST (127.0.0.1), DATA_DIR (./live-data) and REDIS_URL (none) change it; the
 * LIVE_* variables set the rooms' limits (env-options.ts).
 */
const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const dataDir = resolve(process.env.DATA_DIR ?? 'live-data');
const server = await startLiveServer({
  host,
  port,
  dataDir,
  staticDir: resolve(import.meta.dirname, '../../dist'),
  redisUrl: process.env.REDIS_URL || undefined,
  ...limitsFromEnv(process.env),
});
console.log(`Journey Canvas is served at ${server.url} (live sessions included; data in ${dataDir})`);
// SIGTERM or SIGINT: stop accepting, store every room, close the sockets with "server restarting"
// (clients reconnect), and exit within 5 s whatever happens.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(1), 4500).unref();
  void server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('stopping failed:', error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
