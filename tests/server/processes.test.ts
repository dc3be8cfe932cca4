import { describe, it } from 'vitest';
import { join_, serve, servedRoom } from './process-helpers';
import { putStage, stageName, until } from './live-helpers';

describe('live server processes', () => {
  it('loses nothing a client sent when killed with SIGKILL, and clients reconnect by themselves', async () => {
    const { port, dataDir, server: first, room, client: a } = await servedRoom();
    putStage(a.doc, 'c1', 'typed just before the crash');
    await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // Offline, the client goes on editing.
    putStage(a.doc, 'c2', 'typed while the server was down');
    await serve({ PORT: String(port), DATA_DIR: dataDir });
    const b = join_(port, room);
    await b.synced;
    await until(
      () =>
        stageName(b.doc, 'c1') === 'typed just before the crash' &&
        stageName(b.doc, 'c2') === 'typed while the server was down',
      15_000,
    );
  });
});
