import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STORAGE_FULL, STORAGE_OK } from '../../src/live/protocol';
import type * as Y from 'yjs';
import { putStage, stageName, until } from './live-helpers';
import { createRoom, exited, freePort, join_, serve, tempDir } from './process-helpers';

const mounts: string[] = [];
afterEach(() => {
  for (const m of mounts.splice(0)) execFileSync('umount', ['-l', m]);
});

/** Fills the file system at `dir` with one file until nothing more fits; returns its path. */
function fill(dir: string): string {
  const file = join(dir, 'filler');
  const chunk = Buffer.alloc(16 * 1024, 1);
  let bytes = Buffer.alloc(0);
  for (;;) {
    try {
      bytes = Buffer.concat([bytes, chunk]);
      writeFileSync(file, bytes);
    } catch {
      return file;
    }
  }
}

/**
 * A real full disk needs a small file system of its own: a tmpfs, which only root with the right
 * to mount can make (the tests run as root, here and in CI). Where that right is missing (some
 * containers), the test says so and is skipped rather than faking the disk.
 */
function canMount(): boolean {
  const dir = tempDir();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir]);
    return true;
  } catch {
    console.warn('disk-full test skipped: this machine does not allow mounting a tmpfs');
    return false;
  }
}

describe('a live server on a full disk', () => {
  it.runIf(canMount())(
    'stays up: the room turns read-only and says so, other rooms go on, and writing resumes by itself',
    async () => {
      // A real full disk: DATA_DIR on a 2 MB tmpfs (the tests run as root, here and in CI).
      const dataDir = tempDir();
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dataDir]);
      mounts.push(dataDir);
      const port = await freePort();
      const server = await serve({ PORT: String(port), DATA_DIR: dataDir });
      const room = await createRoom(port);
      const other = await createRoom(port);
      const a = join_(port, room);
      await a.synced;
      putStage(a.doc, 'before', 'stored');
      await until(() => a.provider.unsyncedChanges === 0);

      const filler = fill(dataDir);
      putStage(a.doc, 'big', 'Big', { description: 'x'.repeat(300_000) });
      await until(() => a.told.includes(STORAGE_FULL), 5000);
      // Read-only now: a change is kept on the client, not confirmed.
      putStage(a.doc, 'during', 'kept on the device');
      await new Promise((r) => setTimeout(r, 300));
      expect(a.provider.unsyncedChanges).toBeGreaterThan(0);
      // The process is up, and another room works.
      expect(server.exitCode).toBeNull();
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const b = join_(port, other);
      await b.synced;

      rmSync(filler);
      await until(() => a.told.includes(STORAGE_OK), 5000);
      // The client sends what was refused, and the server confirms it.
      await until(() => a.provider.unsyncedChanges === 0, 5000);

      // Everything is in the file: a crash now loses nothing.
      server.kill('SIGKILL');
      await exited(server);
      await serve({ PORT: String(port), DATA_DIR: dataDir });
      const c = join_(port, room);
      await c.synced;
      expect(stageName(c.doc, 'before')).toBe('stored');
      const big = c.doc.getMap('stages').get('big') as Y.Map<unknown>;
      expect((big.get('description') as string).length).toBe(300_000);
      expect(stageName(c.doc, 'during')).toBe('kept on the device');
    },
  );
});
