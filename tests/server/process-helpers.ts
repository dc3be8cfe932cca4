import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';
import type { NewRoom } from '../../src/server/rooms';
import { connect, type Client } from './live-helpers';

const root = resolve(import.meta.dirname, '../..');
export const children: ChildProcess[] = [];
const clients: Client[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const p of children.splice(0)) p.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

export function freePort(): Promise<number> {
  return new Promise((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** Resolves once Redis answers PING on the port. */
export async function redisReady(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const pong = await new Promise<boolean>((done) => {
      const socket = connectTcp(port, '127.0.0.1', () => socket.write('PING\r\n'));
      socket.on('data', (d) => {
        socket.destroy();
        done(d.toString().startsWith('+PONG'));
      });
      socket.on('error', () => done(false));
    });
    if (pong) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('redis did not start');
}

/** A throwaway Redis on a free port (no persistence). */
export async function startRedis(): Promise<string> {
  const port = await freePort();
  const redis = spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  children.push(redis);
  await redisReady(port);
  return `redis://127.0.0.1:${port}`;
}

/** Two server processes on one data folder and one Redis, a room, and a client synced on each. */
export async function roomOnTwoProcesses() {
  const dataDir = tempDir();
  const env = { DATA_DIR: dataDir, REDIS_URL: await startRedis() };
  const [p1, p2] = [await freePort(), await freePort()];
  await Promise.all([serve({ ...env, PORT: String(p1) }), serve({ ...env, PORT: String(p2) })]);
  const room = await createRoom(p1);
  const a = join_(p1, room);
  const b = join_(p2, room);
  await Promise.all([a.synced, b.synced]);
  return { dataDir, p1, p2, room, a, b };
}

/** Resolves once the process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done) => child.once('exit', (code) => done(code)));
}

export function tempDir() {
  const d = mkdtempSync(join(tmpdir(), 'jc-live-proc-'));
  dirs.push(d);
  return d;
}

/** `npm run serve`'s program, as its own process, ready once it prints its address. */
export async function serve(env: Record<string, string>): Promise<ChildProcess> {
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

export async function createRoom(port: number): Promise<NewRoom> {
  return (await (await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST' })).json()) as NewRoom;
}

export function join_(port: number, room: NewRoom) {
  const c = connect(`ws://127.0.0.1:${port}/live`, room.roomId, room.editSecret);
  clients.push(c);
  return c;
}

/** One server process on a free port and a data folder of its own, a room, and a client synced in it. */
export async function servedRoom() {
  const port = await freePort();
  const dataDir = tempDir();
  const server = await serve({ PORT: String(port), DATA_DIR: dataDir });
  const room = await createRoom(port);
  const client = join_(port, room);
  await client.synced;
  return { port, dataDir, server, room, client };
}
