import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RoomStore } from '../../src/server/rooms';
import { connect, putStage, stageName, until } from './live-helpers';
import { children, createRoom, exited, freePort, serve, startRedis, tempDir } from './process-helpers';

/** The shipped configuration, its placeholders filled, inside a minimal nginx.conf of its own. */
function nginxConfig(dir: string, listen: number, upstreams: number[]): string {
  const servers = upstreams.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n    ');
  const shipped = readFileSync(resolve(import.meta.dirname, '../../deploy/nginx-live.conf'), 'utf8')
    .split('\n')
    .map((line) =>
      line.trimStart().startsWith('#')
        ? line
        : line.replace('{{LISTEN}}', `127.0.0.1:${listen}`).replace('{{SERVERS}}', servers),
    )
    .join('\n');
  writeFileSync(join(dir, 'journey-canvas.conf'), shipped);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  const file = join(dir, 'nginx.conf');
  writeFileSync(
    file,
    `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')};
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(dir, 'body')};
  proxy_temp_path ${join(dir, 'proxy')};
  fastcgi_temp_path ${join(dir, 'fastcgi')};
  uwsgi_temp_path ${join(dir, 'uwsgi')};
  scgi_temp_path ${join(dir, 'scgi')};
  include ${join(dir, 'journey-canvas.conf')};
}
`,
  );
  return file;
}

async function healthz(port: number): Promise<{ status: string; connections: number }> {
  return (await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()) as { status: string; connections: number };
}

describe('several live server processes behind nginx', () => {
  it('moves a client to another process when the one holding it dies, losing nothing', async () => {
    // nginx from the distribution (.ci/run installs it): its absence fails here, it is not skipped.
    execFileSync('nginx', ['-v'], { stdio: 'ignore' });
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, REDIS_URL: await startRedis() };
    const [p1, p2, front] = [await freePort(), await freePort(), await freePort()];
    const servers = await Promise.all([serve({ ...env, PORT: String(p1) }), serve({ ...env, PORT: String(p2) })]);
    const conf = nginxConfig(tempDir(), front, [p1, p2]);
    const nginx = spawn('nginx', ['-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
    children.push(nginx);
    let complaints = '';
    nginx.stderr!.on('data', (d: Buffer) => (complaints += d.toString()));
    let answers = false;
    for (let i = 0; i < 100 && !answers; i++) {
      answers = await fetch(`http://127.0.0.1:${front}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!answers) await new Promise((r) => setTimeout(r, 50));
    }
    expect(complaints).toBe('');
    expect(answers).toBe(true);

    const room = await createRoom(front);
    const a = connect(`ws://127.0.0.1:${front}/live`, room.roomId, room.editSecret);
    try {
      await a.synced;
      putStage(a.doc, 'c1', 'before the failure');
      await until(() => a.provider.unsyncedChanges === 0);
      // The process holding the client dies.
      const counts = await Promise.all([healthz(p1), healthz(p2)]);
      const holder = counts[0]!.connections > 0 ? 0 : 1;
      expect(counts[holder]!.connections).toBe(1);
      const victim: ChildProcess = servers[holder]!;
      victim.kill('SIGKILL');
      await exited(victim);
      // Edited meanwhile, offline.
      putStage(a.doc, 'c2', 'during the failover');
      // Back through nginx, on the other process, within a few seconds.
      await until(() => a.provider.synced && a.provider.unsyncedChanges === 0, 5000);
      const survivor = holder === 0 ? p2 : p1;
      expect((await healthz(survivor)).connections).toBe(1);
      // Both edits are in the database.
      await new Promise((r) => setTimeout(r, 100));
      const store = new RoomStore(dataDir);
      const kept = new Y.Doc();
      Y.applyUpdate(kept, store.loadDocument(room.roomId) ?? new Uint8Array([0, 0]));
      store.close();
      expect(stageName(kept, 'c1')).toBe('before the failure');
      expect(stageName(kept, 'c2')).toBe('during the failover');
    } finally {
      a.close();
    }
  });
});
