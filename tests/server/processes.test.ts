import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { NewRoom } from '../../src/server/rooms';
import { connect, until, type Client } from './live-helpers';

const root = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const p of children.splice(0)) p.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'jc-live-proc-'));
  dirs.push(d);
  return d;
}

/** `npm run serve`'s program, as its own process, ready once it prints its address. */
async function serve(env: Record<string, string>): Promise<ChildProcess> {
  // One process (tsx as a loader, not its CLI, which runs the program in a child): a SIGKILL
  // reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  await new Promise<void>((ready, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('is served at')) ready();
    });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => fail(new Error(`server exited with ${code}: ${out}${err}`)));
  });
  return child;
}

async function createRoom(port: number): Promise<NewRoom> {
  return (await (await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST' })).json()) as NewRoom;
}

function join_(port: number, room: NewRoom) {
  const c = connect(`ws://127.0.0.1:${port}/live`, room.roomId, room.editSecret);
  clients.push(c);
  return c;
}

describe('live server processes', () => {
  it('loses nothing a client sent when killed with SIGKILL, and clients reconnect by themselves', async () => {
    const port = await freePort();
    const dataDir = tempDir();
    const first = await serve({ PORT: String(port), DATA_DIR: dataDir });
    const room = await createRoom(port);
    const a = join_(port, room);
    await a.synced;
    a.doc.getMap('cards').set('c1', 'typed just before the crash');
    await new Promise((r) => setTimeout(r, 50));
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    // Offline, the client goes on editing.
    a.doc.getMap('cards').set('c2', 'typed while the server was down');
    await serve({ PORT: String(port), DATA_DIR: dataDir });
    const b = join_(port, room);
    await b.synced;
    await until(
      () =>
        b.doc.getMap('cards').get('c1') === 'typed just before the crash' &&
        b.doc.getMap('cards').get('c2') === 'typed while the server was down',
      15_000,
    );
  });

  it('relays changes between clients of two server processes sharing one Redis', async () => {
    const redisPort = await freePort();
    const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    children.push(redis);
    await until(() => redis.pid !== undefined, 2000);
    await new Promise((r) => setTimeout(r, 300));
    const dataDir = tempDir();
    const [p1, p2] = [await freePort(), await freePort()];
    const env = { DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    await Promise.all([serve({ ...env, PORT: String(p1) }), serve({ ...env, PORT: String(p2) })]);
    const room = await createRoom(p1);
    const a = join_(p1, room);
    const b = join_(p2, room);
    await Promise.all([a.synced, b.synced]);
    a.doc.getMap('cards').set('from-a', 'via process 1');
    b.doc.getMap('cards').set('from-b', 'via process 2');
    await until(
      () =>
        b.doc.getMap('cards').get('from-a') === 'via process 1' &&
        a.doc.getMap('cards').get('from-b') === 'via process 2',
      10_000,
    );
    expect(a.doc.getMap('cards').size).toBe(2);
  });
});
