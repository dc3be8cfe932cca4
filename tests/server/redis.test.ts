import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { children, createRoom, freePort, join_, redisReady, serve, tempDir } from './process-helpers';
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
