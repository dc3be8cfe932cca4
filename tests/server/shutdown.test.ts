import { describe, expect, it } from 'vitest';
import { SERVER_RESTARTING } from '../../src/live/protocol';
import { putStage, stageName, until } from './live-helpers';
import { exited, join_, serve, servedRoom } from './process-helpers';

describe('stopping a live server process', () => {
  it('on SIGTERM stores every room, closes the sockets with "server restarting" and exits within 5 s; clients are back within 3 s of a restart', async () => {
    const { port, dataDir, server: first, room, client: a } = await servedRoom();
    const closes: number[] = [];
    a.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
    putStage(a.doc, 'c1', 'renamed just before the restart');
    await until(() => a.provider.unsyncedChanges === 0);

    const stopAt = Date.now();
    first.kill('SIGTERM');
    // The client is told at once: not "connected" any more.
    await until(() => closes.includes(SERVER_RESTARTING.code), 2000);
    expect(await exited(first)).toBe(0);
    expect(Date.now() - stopAt).toBeLessThan(5000);

    expect(a.provider.synced).toBe(false);
    await serve({ PORT: String(port), DATA_DIR: dataDir });
    const answering = Date.now();
    await until(() => a.provider.synced, 3000);
    expect(Date.now() - answering).toBeLessThan(3000);
    const b = join_(port, room);
    await b.synced;
    expect(stageName(b.doc, 'c1')).toBe('renamed just before the restart');
  });

  it('on SIGKILL loses nothing the server had confirmed, even the instant after', async () => {
    const { port, dataDir, server: first, room, client: a } = await servedRoom();
    putStage(a.doc, 'c1', 'renamed');
    // Confirmed (Hocuspocus' sync status): killed that very moment.
    await until(() => a.provider.unsyncedChanges === 0, 5000);
    first.kill('SIGKILL');
    await exited(first);
    // Not this client (which would bring its change back): the file alone.
    a.close();
    await serve({ PORT: String(port), DATA_DIR: dataDir });
    const b = join_(port, room);
    await b.synced;
    expect(stageName(b.doc, 'c1')).toBe('renamed');
  });
});
