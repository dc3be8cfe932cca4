import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect, liveFixture, liveServer, putStage, stageName, stageNames, until } from './live-helpers';

const { start, join } = liveFixture();

describe('live server', () => {
  it('relays each participant’s edits to the others, field by field', async () => {
    const live = await start();
    const room = await live.createRoom();
    expect(room.roomId.length).toBeGreaterThanOrEqual(22); // 128 bits, base64url
    const a = join(live.wsUrl, room.roomId, room.editSecret);
    const b = join(live.wsUrl, room.roomId, room.editSecret);
    await Promise.all([a.synced, b.synced]);
    putStage(a.doc, 'c1', 'from A');
    putStage(b.doc, 'c2', 'from B');
    await until(() => stageName(a.doc, 'c2') === 'from B' && stageName(b.doc, 'c1') === 'from A');
  });

  it('refuses a wrong or missing secret, an unknown room and an ended one', async () => {
    const live = await start();
    const room = await live.createRoom();
    const wrong = join(live.wsUrl, room.roomId, 'not-the-secret');
    const missing = join(live.wsUrl, room.roomId, '');
    const unknown = join(live.wsUrl, 'A'.repeat(22), room.editSecret);
    await until(() => wrong.failed.length > 0 && missing.failed.length > 0);
    await new Promise((r) => setTimeout(r, 300));
    expect(unknown.provider.isSynced).toBe(false);

    const owner = join(live.wsUrl, room.roomId, room.editSecret);
    await owner.synced;
    const badEnd = await fetch(`${live.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.viewSecret }),
    });
    expect(badEnd.status).toBe(403);
    // The edit link's holders edit; only the facilitator's own secret ends the room.
    const participantEnd = await fetch(`${live.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.editSecret }),
    });
    expect(participantEnd.status).toBe(403);
    const ended = await fetch(`${live.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.hostSecret }),
    });
    expect(ended.status).toBe(204);
    const late = join(live.wsUrl, room.roomId, room.editSecret);
    await until(() => late.failed.length > 0);
  });

  it('keeps a view link read-only on the server, whatever its client does', async () => {
    const live = await start();
    const room = await live.createRoom();
    const editor = join(live.wsUrl, room.roomId, room.editSecret);
    const viewer = join(live.wsUrl, room.roomId, room.viewSecret);
    await Promise.all([editor.synced, viewer.synced]);
    putStage(editor.doc, 'c1', 'shown to the viewer');
    await until(() => stageName(viewer.doc, 'c1') === 'shown to the viewer');
    // A modified client writes anyway: nobody else, and nothing stored, ever sees it.
    putStage(viewer.doc, 'c1', 'forged');
    putStage(viewer.doc, 'c9', 'forged');
    await new Promise((r) => setTimeout(r, 500));
    expect(stageName(editor.doc, 'c1')).toBe('shown to the viewer');
    expect(stageName(editor.doc, 'c9') !== undefined).toBe(false);
    const fresh = join(live.wsUrl, room.roomId, room.editSecret);
    await fresh.synced;
    expect(stageNames(fresh.doc)).toEqual({ c1: 'shown to the viewer' });
  });

  it('closes only the offending connection on garbage, oversized messages and a full room', async () => {
    const live = await start({ maxConnectionsPerRoom: 3, maxMessageBytes: 64 * 1024 });
    const room = await live.createRoom();
    const a = join(live.wsUrl, room.roomId, room.editSecret);
    const b = join(live.wsUrl, room.roomId, room.editSecret);
    await Promise.all([a.synced, b.synced]);

    const raw = (payload: Buffer) =>
      new Promise<number>((done) => {
        const ws = new WebSocket(live.wsUrl);
        ws.on('open', () => ws.send(payload));
        ws.on('close', (code) => done(code));
        ws.on('error', () => undefined);
        setTimeout(() => {
          ws.terminate();
          done(-1);
        }, 3000);
      });
    const random = Buffer.from(Array.from({ length: 512 }, () => Math.floor(Math.random() * 256)));
    await raw(random);
    // A truncated message: a room name's length that runs past the end.
    await raw(Buffer.from([0xff, 0xff, 0x03, 0x41]));
    expect(await raw(Buffer.alloc(100 * 1024, 1))).toBe(1009);

    const third = join(live.wsUrl, room.roomId, room.editSecret);
    await third.synced;
    const fourth = join(live.wsUrl, room.roomId, room.editSecret);
    await new Promise((r) => setTimeout(r, 500));
    expect(fourth.provider.isSynced).toBe(false);

    // The room goes on for everyone else.
    putStage(a.doc, 'after', 'still working');
    await until(() => stageName(b.doc, 'after') === 'still working');
  });

  it('keeps a room’s document across a restart', async () => {
    const first = await liveServer();
    const room = await first.createRoom();
    const a = connect(first.wsUrl, room.roomId, room.editSecret);
    await a.synced;
    putStage(a.doc, 'c1', 'kept');
    await new Promise((r) => setTimeout(r, 300));
    a.close();
    await first.stop(false);
    const second = await start({ dataDir: first.dataDir });
    const b = join(second.wsUrl, room.roomId, room.editSecret);
    await b.synced;
    expect(stageName(b.doc, 'c1')).toBe('kept');
  });
});
