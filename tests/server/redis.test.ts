import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOM_ENDED } from '../../src/live/protocol';
import { RoomStore } from '../../src/server/rooms';
import { children, createRoom, freePort, join_, redisReady, serve, startRedis, tempDir } from './process-helpers';
import { putStage, stageName, stageNames, until } from './live-helpers';

describe('live server processes on one Redis', () => {
  it('relays changes between clients of two server processes sharing one Redis', async () => {
    const redisPort = await freePort();
    const redis = spawn('redis-server', ['--port', String(redisPort), '--save', '', '--appendonly', 'no'], {
      stdio: 'ignore',
    });
    children.push(redis);
    await redisReady(redisPort);
    const dataDir = tempDir();
    const [p1, p2] = [await freePort(), await freePort()];
    const env = { DATA_DIR: dataDir, REDIS_URL: `redis://127.0.0.1:${redisPort}` };
    await Promise.all([serve({ ...env, PORT: String(p1) }), serve({ ...env, PORT: String(p2) })]);
    const room = await createRoom(p1);
    const a = join_(p1, room);
    const b = join_(p2, room);
    await Promise.all([a.synced, b.synced]);
    // The second process subscribes to the room's channel as it loads it, a moment after its
    // client is synced: wait until a first message gets across.
    let n = 0;
    await until(() => {
      putStage(a.doc, 'ping', String(++n));
      return stageName(b.doc, 'ping') !== undefined;
    }, 10_000);
    putStage(a.doc, 'from-a', 'via process 1');
    putStage(b.doc, 'from-b', 'via process 2');
    await until(
      () => stageName(b.doc, 'from-a') === 'via process 1' && stageName(a.doc, 'from-b') === 'via process 2',
      10_000,
    );
    expect(Object.keys(stageNames(a.doc)).length).toBe(3);
    expect(Object.keys(stageNames(b.doc)).length).toBe(3);
  });
});

describe('ending a room on one of several processes', () => {
  it('closes it on every process, and nothing is stored for it afterwards', async () => {
    const dataDir = tempDir();
    const env = { DATA_DIR: dataDir, REDIS_URL: await startRedis() };
    const [p1, p2] = [await freePort(), await freePort()];
    await Promise.all([serve({ ...env, PORT: String(p1) }), serve({ ...env, PORT: String(p2) })]);
    const room = await createRoom(p1);
    const a = join_(p1, room);
    const b = join_(p2, room);
    await Promise.all([a.synced, b.synced]);
    let n = 0;
    await until(() => {
      putStage(a.doc, 'ping', String(++n));
      return stageName(b.doc, 'ping') !== undefined;
    }, 10_000);
    const closes: number[] = [];
    b.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));

    const res = await fetch(`http://127.0.0.1:${p1}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.editSecret }),
    });
    expect(res.status).toBe(204);
    // The client of the other process is told, and its socket is closed.
    await until(() => b.told.includes(ROOM_ENDED) && closes.length > 0, 5000);
    // An edit made there afterwards is stored nowhere.
    putStage(b.doc, 'after', 'the end');
    await new Promise((r) => setTimeout(r, 1000));
    const store = new RoomStore(dataDir);
    const kept = new Y.Doc();
    Y.applyUpdate(kept, store.loadDocument(room.roomId) ?? new Uint8Array([0, 0]));
    store.close();
    expect(kept.getMap('stages').has('after')).toBe(false);
    // And the other process refuses the room from then on.
    const c = join_(p2, room);
    await until(() => c.failed.length > 0, 5000);
  });
});
