import Database from 'better-sqlite3';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';

/** A room as stored: a whole state (none before the first compaction) and the changes appended since. */
export interface StoredParts {
  state: Uint8Array | null;
  updates: Uint8Array[];
  /** The row id of the last change read: a compaction drops those up to it. */
  lastUpdate: number;
}

/** The stored parts as updates to merge, oldest first. */
export const partsOf = (stored: StoredParts): Uint8Array[] => [
  ...(stored.state ? [stored.state] : []),
  ...stored.updates,
];

/**
 * What a secret lets its holder do in a room: run it (the facilitator: votes, the timer, Follow
 * me, the end, and who else runs it), help run it (a co-facilitator: all but the roles), edit it,
 * or watch it.
 */
export type Access = 'host' | 'cohost' | 'edit' | 'view';

/** Co-facilitators one room may have: enough for any workshop, and a bound on what a facilitator stores. */
export const MAX_COHOSTS = 20;

export interface NewRoom {
  roomId: string;
  /** The facilitator's: kept by the one who started the session, never in a link. */
  hostSecret: string;
  editSecret: string;
  viewSecret: string;
}

/** 16 random bytes (128 bits) for a room, 32 for a secret, as URL-safe text. */
const token = (bytes: number) => randomBytes(bytes).toString('base64url');
export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

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
      CREATE TABLE IF NOT EXISTS cohosts (
        room_id TEXT NOT NULL,
        hash BLOB NOT NULL,
        PRIMARY KEY (room_id, hash)
      );
    `);
    // Rooms made before facilitators had a secret of their own: their edit secret runs them.
    const columns = this.db.prepare('PRAGMA table_info(rooms)').all() as { name: string }[];
    if (!columns.some((c) => c.name === 'host_hash')) this.db.exec('ALTER TABLE rooms ADD COLUMN host_hash BLOB');
  }

  createRoom(): NewRoom {
    const room = { roomId: token(16), hostSecret: token(32), editSecret: token(32), viewSecret: token(32) };
    this.db
      .prepare('INSERT INTO rooms (id, host_hash, edit_hash, view_hash, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(
        room.roomId,
        hashSecret(room.hostSecret),
        hashSecret(room.editSecret),
        hashSecret(room.viewSecret),
        Date.now(),
      );
    return room;
  }

  /** Rooms created and not ended. */
  openRooms(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM rooms WHERE ended_at IS NULL').get() as { n: number }).n;
  }

  /** What a secret allows in a room: nothing for an unknown or ended room, or a wrong secret. */
  access(roomId: string, secret: unknown): Access | null {
    if (typeof secret !== 'string' || secret.length === 0 || secret.length > 200) return null;
    return this.accessOf(roomId, hashSecret(secret));
  }

  /**
   * What the secret with this hash allows now. Asked again for every message a connection sends,
   * so a role handed over or taken back applies at once, on every process sharing this file.
   */
  accessOf(roomId: string, given: Buffer): Access | null {
    if (!ROOM_ID.test(roomId)) return null;
    const row = this.db
      .prepare('SELECT host_hash, edit_hash, view_hash, ended_at FROM rooms WHERE id = ?')
      .get(roomId) as
      { host_hash: Buffer | null; edit_hash: Buffer; view_hash: Buffer; ended_at: number | null } | undefined;
    if (!row || row.ended_at !== null || given.length !== row.edit_hash.length) return null;
    if (timingSafeEqual(given, row.host_hash ?? row.edit_hash)) return 'host';
    if (timingSafeEqual(given, row.edit_hash)) return 'edit';
    if (timingSafeEqual(given, row.view_hash)) return 'view';
    // A hash of a random secret: comparing it in SQL tells an attacker nothing about a secret.
    if (this.db.prepare('SELECT 1 FROM cohosts WHERE room_id = ? AND hash = ?').get(roomId, given)) return 'cohost';
    return null;
  }

  /**
   * The facilitator (the holder of `from`) hands the room over: a new facilitator's secret, which
   * alone runs the room from now on (`from` no more). A co-facilitator taking over (`to`, their
   * secret's hash) stops being one. Null, changing nothing, when `from` is not the facilitator's.
   */
  handOver(roomId: string, from: Buffer, to: Buffer | null): string | null {
    const secret = token(32);
    const change = this.db.transaction(() => {
      if (this.accessOf(roomId, from) !== 'host') return false;
      this.db.prepare('UPDATE rooms SET host_hash = ? WHERE id = ?').run(hashSecret(secret), roomId);
      if (to) this.db.prepare('DELETE FROM cohosts WHERE room_id = ? AND hash = ?').run(roomId, to);
      return true;
    });
    return change.immediate() ? secret : null;
  }

  /** A new co-facilitator's secret; null when the room has `MAX_COHOSTS` already, or has ended. */
  addCohost(roomId: string): string | null {
    const secret = token(32);
    const add = this.db.transaction(() => {
      if (this.isEnded(roomId)) return false;
      const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM cohosts WHERE room_id = ?').get(roomId) as { n: number };
      if (n >= MAX_COHOSTS) return false;
      this.db.prepare('INSERT INTO cohosts (room_id, hash) VALUES (?, ?)').run(roomId, hashSecret(secret));
      return true;
    });
    return add.immediate() ? secret : null;
  }

  /** A co-facilitator's secret (by its hash) stops running the room; true when it did. */
  removeCohost(roomId: string, cohost: Buffer): boolean {
    return this.db.prepare('DELETE FROM cohosts WHERE room_id = ? AND hash = ?').run(roomId, cohost).changes > 0;
  }

  /** Ends a room for good (a facilitator's or co-facilitator's secret is needed); true when it was live. */
  end(roomId: string, hostSecret: string): boolean {
    const access = this.access(roomId, hostSecret);
    if (access !== 'host' && access !== 'cohost') return false;
    this.db.prepare('UPDATE rooms SET ended_at = ? WHERE id = ?').run(Date.now(), roomId);
    return true;
  }

  /** Whether a room has ended (or never existed): nothing is written for it any more. */
  isEnded(roomId: string): boolean {
    const row = this.db.prepare('SELECT ended_at FROM rooms WHERE id = ?').get(roomId) as
      { ended_at: number | null } | undefined;
    return !row || row.ended_at !== null;
  }

  /** What is stored of a room: its last whole state and every change appended since, in order. */
  storedParts(roomId: string): StoredParts {
    const row = this.db.prepare('SELECT state FROM documents WHERE room_id = ?').get(roomId) as
      { state: Buffer } | undefined;
    const updates = this.db.prepare('SELECT id, data FROM updates WHERE room_id = ? ORDER BY id').all(roomId) as {
      id: number;
      data: Buffer;
    }[];
    return {
      state: row ? new Uint8Array(row.state) : null,
      updates: updates.map((u) => new Uint8Array(u.data)),
      lastUpdate: updates.length > 0 ? updates[updates.length - 1]!.id : 0,
    };
  }

  /** The room's document as one update (null: nothing stored), merged on the calling thread. */
  loadDocument(roomId: string): Uint8Array | null {
    const parts = partsOf(this.storedParts(roomId));
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
   * Writes the room's whole state, `whole`, made from `read` (what was stored, read before) and the
   * document in memory, and drops the appended changes it holds. False, writing nothing, when
   * another process sharing this file stored a whole state since `read`: the caller merges again.
   * Changes appended after `read` stay, to be merged by the next compaction.
   */
  compact(roomId: string, read: StoredParts, whole: Uint8Array): boolean {
    const write = this.db.transaction(() => {
      if (this.isEnded(roomId)) return true;
      const row = this.db.prepare('SELECT state FROM documents WHERE room_id = ?').get(roomId) as
        { state: Buffer } | undefined;
      const same = row ? read.state !== null && row.state.equals(read.state) : read.state === null;
      if (!same) return false;
      this.db
        .prepare(
          'INSERT INTO documents (room_id, state, updated_at) VALUES (?, ?, ?) ON CONFLICT(room_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
        )
        .run(roomId, Buffer.from(whole), Date.now());
      this.db.prepare('DELETE FROM updates WHERE room_id = ? AND id <= ?').run(roomId, read.lastUpdate);
      return true;
    });
    return write.immediate();
  }

  close(): void {
    this.db.close();
  }
}
