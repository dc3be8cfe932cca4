import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSafeKey } from '../../src/domain/ids';
import { checkRemoteRecord } from '../../src/domain/remote-records';
import { LANE_KINDS, TABLES, type TableName } from '../../src/domain/types';
import { readDoc } from '../../src/live/y-journey';
import { until } from './live-helpers';
import { children, createRoom, freePort, join_, serve, tempDir } from './process-helpers';
import { RawClient } from './raw-client';

/** A small seeded generator (mulberry32): a failing run can be replayed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261207;
const UPDATES = 10_000;

/** Problems of a record that depend on other records: what a participant's app skips or repairs itself. */
const BY_REFERENCE = new Set(['journey', 'stage', 'lane', 'ends', 'personaId', 'kind']);

describe('fuzzing the live server', () => {
  it(`stays up and keeps the room valid through ${UPDATES} random and mutated updates`, async () => {
    const rnd = random(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const junk = (): unknown =>
      pick<() => unknown>([
        () => Math.floor(rnd() * 1e6),
        () => rnd() * 10 - 5,
        () => 'x'.repeat(Math.floor(rnd() * 600)),
        () => null,
        () => true,
        () => [1, 'two', { three: 3 }],
        () => JSON.parse('{"__proto__": {"polluted": 1}}') as unknown,
        () => [{ constructor: 'x' }],
        () => pick(LANE_KINDS),
        () => 's1',
        () => new Uint8Array([1, 2, 3]),
        () => new Y.Map(),
      ])();
    const keys = ['s1', 'l1', 'k1', 'k2', 'j1', '__proto__', 'constructor', 'toString', '', 'x'.repeat(120)];
    const fields = ['id', 'journeyId', 'stageId', 'laneId', 'order', 'title', 'name', 'kind', 'score', 'notes'];

    // Two participants' documents, changed at random: one writes records as the app does, the other
    // breaks them on purpose (once one of its updates is refused, the later ones wait on it).
    const good = new Y.Doc();
    const model = new Y.Doc();
    let last: Uint8Array = new Uint8Array();
    good.on('update', (u: Uint8Array) => (last = u));
    model.on('update', (u: Uint8Array) => (last = u));
    const validChange = () => {
      const id = pick(['s1', 's2', 's3', 'l1', 'k1', 'k2']);
      const m = new Y.Map<unknown>();
      const rec: Record<string, unknown> = id.startsWith('s')
        ? { id, journeyId: 'j1', order: 'a0', name: `Stage ${Math.floor(rnd() * 100)}` }
        : id.startsWith('l')
          ? { id, journeyId: 'j1', order: 'a0', kind: pick(LANE_KINDS) }
          : { id, journeyId: 'j1', stageId: 's1', laneId: 'l1', order: 'a0', title: `Card ${rnd()}` };
      for (const [k, v] of Object.entries(rec)) m.set(k, v);
      good.getMap(id.startsWith('s') ? 'stages' : id.startsWith('l') ? 'lanes' : 'cards').set(id, m);
    };
    const brokenChange = () => {
      const table = pick([...TABLES, 'junk', 'cards']);
      const map = model.getMap<unknown>(table);
      const key = pick(keys);
      const existing = map.get(key);
      if (existing instanceof Y.Map && rnd() < 0.7) existing.set(pick(fields), junk());
      else if (rnd() < 0.5) map.set(key, junk());
      else {
        const m = new Y.Map<unknown>();
        for (const f of fields) if (rnd() < 0.6) m.set(f, rnd() < 0.5 ? junk() : key);
        map.set(key, m);
      }
    };
    const mutate = (u: Uint8Array): Uint8Array => {
      const out = u.slice();
      if (out.length === 0) return out;
      switch (Math.floor(rnd() * 3)) {
        case 0:
          for (let i = 0; i < 1 + rnd() * 4; i++) out[Math.floor(rnd() * out.length)] = Math.floor(rnd() * 256);
          return out;
        case 1:
          return out.slice(0, Math.floor(rnd() * out.length));
        default:
          return Uint8Array.from({ length: 1 + Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256));
      }
    };

    const port = await freePort();
    await serve({ PORT: String(port), DATA_DIR: tempDir() });
    const server = children.at(-1)!;
    const room = await createRoom(port);
    const wsUrl = `ws://127.0.0.1:${port}/live`;
    let editor = await RawClient.open(wsUrl);
    expect(await editor.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    const started = Date.now();
    let sent = 0;
    for (let i = 0; i < UPDATES; i++) {
      const roll = rnd();
      if (roll < 0.35) validChange();
      else if (roll < 0.7) brokenChange();
      const update = roll < 0.7 ? last : mutate(last);
      if (editor.closeCode !== null) {
        // A garbled message may end the connection: a modified client connects again.
        editor = await RawClient.open(wsUrl);
        expect(await editor.authenticate(room.roomId, room.editSecret)).toBe('read-write');
        sent = 0;
      }
      editor.update(room.roomId, update);
      // As a client does, it sends more once the server has answered most of what it sent (a
      // change sent into a socket the server is closing is lost, and the later ones wait on it).
      // (A garbled message gets no answer: once answers stop coming, the rest count as answered.)
      if (++sent - editor.answers > 8) {
        const client = editor;
        let quiet = Date.now();
        let seen = client.answers;
        while (sent - client.answers > 2 && client.closeCode === null && Date.now() - quiet < 50) {
          await new Promise((r) => setTimeout(r, 2));
          if (client.answers !== seen) [seen, quiet] = [client.answers, Date.now()];
        }
        sent = client.answers;
      }
    }
    editor.close();

    // Still up: a new participant joins, and what it is given is a sound room.
    const check = join_(port, room);
    await check.synced;
    const marker = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'end', journeyId: 'j1', order: 'a0', name: 'End' })) marker.set(k, v);
    check.doc.getMap('stages').set('end', marker);
    const after = join_(port, room);
    await after.synced;
    await until(() => after.doc.getMap('stages').has('end'), 10_000);
    expect(server.exitCode).toBeNull();
    expect(Date.now() - started).toBeLessThan(60_000);

    const doc = after.doc;
    expect([...doc.share.keys()].every((k) => (TABLES as readonly string[]).includes(k))).toBe(true);
    const ws = readDoc(doc);
    let records = 0;
    for (const table of TABLES) {
      for (const [key, value] of doc.getMap<unknown>(table).entries()) {
        records++;
        expect(value).toBeInstanceOf(Y.Map);
        expect(isSafeKey(key)).toBe(true);
        const rec = (value as Y.Map<unknown>).toJSON() as Record<string, unknown>;
        expect(rec.id).toBe(key);
        for (const field of Object.keys(rec)) expect(isSafeKey(field)).toBe(true);
        const { problem } = checkRemoteRecord(table as TableName, rec, ws);
        if (problem) expect(problem.reason.split(', ').every((r) => BY_REFERENCE.has(r))).toBe(true);
      }
    }
    expect(records).toBeGreaterThan(1);
  }, 90_000);
});
