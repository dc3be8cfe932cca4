import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

/** What a link's secret lets its holder do in a room. */
export type Access = 'edit' | 'view';

export interface NewRoom {
  roomId: string;
  editSecret: string;
  viewSecret: string;
}

/** 16 random bytes (128 bits) for a room, 32 for a secret, as URL-safe text. */
const token = (bytes: number) => randomBytes(bytes).toString('base64url');
const hash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest();

/** A room id as `createRoom` makes them: anything else is refused before the database is asked. */
export const ROOM_ID = /^[A-Za-z0-9_-]{22,64}$/;

/**
 * Switches the file to WAL. Two server processes started together on one DATA_DIR (scale-out with
 * Redis) can both ask at once; SQLite then answers "database is locked" at once, without waiting
 * as it does for statements, so the switch is tried again for a few seconds.
 */
function switchToWal(db: Database.Database): void {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; ; attempt++) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      const busy = e instanceof Error && 'code' in e && String(e.code).startsWith('SQLITE_BUSY');
      if (!busy || attempt >= 100) throw e;
      Atomics.wait(pause, 0, 0, 25 + Math.random() * 25);
    }
  }
}

/**
 * The server's one SQLite file: rooms (only hashes of their secrets, and whether they ended) and
 * each room's Yjs document. better-sqlite3 is synchronous; every statement is short.
 */
export class RoomStore {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, 'live.sqlite'));
    // WAL: a crash (SIGKILL) loses nothing already committed, and reads do not wait for writes.
    switchToWal(this.db);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS rooms (
        id TEXT PRIMARY KEY,
        edit_hash BLOB NOT NULL,
        view_hash BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        ended_at INTEGER
      );
      CREATE TABLE IF NOT EXISTS documents (
        room_id TEXT PRIMARY KEY,
        state BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        room_id TEXT NOT NULL,
        data BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS updates_room ON updates (room_id, id);
    `);
  }

  createRoom(): NewRoom {
    const room = { roomId: token(16), editSecret: token(32), viewSecret: token(32) };
    this.db
      .prepare('INSERT INTO rooms (id, edit_hash, view_hash, created_at) VALUES (?, ?, ?, ?)')
      .run(room.roomId, hash(room.editSecret), hash(room.viewSecret), Date.now());
    return room;
  }

  /** Rooms created and not ended. */
  openRooms(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM rooms WHERE ended_at IS NULL').get() as { n: number }).n;
  }

  /** What a secret allows in a room: nothing for an unknown or ended room, or a wrong secret. */
  access(roomId: string, secret: unknown): Access | null {
    if (!ROOM_ID.test(roomId) || typeof secret !== 'string' || secret.length === 0 || secret.length > 200) return null;
    const row = this.db.prepare('SELECT edit_hash, view_hash, ended_at FROM rooms WHERE id = ?').get(roomId) as
      { edit_hash: Buffer; view_hash: Buffer; ended_at: number | null } | undefined;
    if (!row || row.ended_at !== null) return null;
    const given = hash(secret);
    if (timingSafeEqual(given, row.edit_hash)) return 'edit';
    if (timingSafeEqual(given, row.view_hash)) return 'view';
    return null;
  }

  /** Ends a room for good (its edit secret is needed); true when it was live. */
  end(roomId: string, editSecret: string): boolean {
    if (this.access(roomId, editSecret) !== 'edit') return false;
    this.db.prepare('UPDATE rooms SET ended_at = ? WHERE id = ?').run(Date.now(), roomId);
    return true;
  }

  /** Whether a room has ended (or never existed): nothing is written for it any more. */
  isEnded(roomId: string): boolean {
    const row = this.db.prepare('SELECT ended_at FROM rooms WHERE id = ?').get(roomId) as
      { ended_at: number | null } | undefined;
    return !row || row.ended_at !== null;
  }

  /** The room's document: its last whole state merged with every change appended since. */
  loadDocument(roomId: string): Uint8Array | null {
    const row = this.db.prepare('SELECT state FROM documents WHERE room_id = ?').get(roomId) as
      { state: Buffer } | undefined;
    const updates = this.db.prepare('SELECT data FROM updates WHERE room_id = ? ORDER BY id').all(roomId) as {
      data: Buffer;
    }[];
    const parts = [...(row ? [row.state] : []), ...updates.map((u) => u.data)].map((b) => new Uint8Array(b));
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  }

  /**
   * One change a client sent, written before the server confirms it (synchronously, from the
   * document's update event): a SIGKILL right after the confirmation loses nothing. Nothing is
   * written for an ended room, whichever process ended it.
   */
  appendUpdate(roomId: string, update: Uint8Array): void {
    this.db
      .prepare(
        'INSERT INTO updates (room_id, data) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM rooms WHERE id = ? AND ended_at IS NULL)',
      )
      .run(roomId, Buffer.from(update), roomId);
  }

  /**
   * Writes the room's whole state and drops the appended changes it now holds. What is already
   * stored is merged in, never replaced: another process sharing this file may have stored
   * changes this one has not received yet.
   */
  storeDocument(roomId: string, state: Uint8Array): void {
    const compact = this.db.transaction(() => {
      if (this.isEnded(roomId)) return;
      const merged = this.loadDocument(roomId);
      const whole = merged ? Y.mergeUpdates([merged, state]) : state;
      this.db
        .prepare(
          'INSERT INTO documents (room_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(room_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        )
        .run(roomId, Buffer.from(whole), Date.now());
      this.db.prepare('DELETE FROM updates WHERE room_id = ?').run(roomId);
    });
    compact.immediate();
  }

  close(): void {
    this.db.close();
  }
}
