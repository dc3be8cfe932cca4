import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ROOM_ENDED } from '../../src/live/protocol';
import { RoomStore } from '../../src/server/rooms';
import { join_, roomOnTwoProcesses } from './process-helpers';
import { putStage, stageName, stageNames, until } from './live-helpers';
import { RawClient } from './raw-client';

describe('live server processes on one Redis', () => {
  it('relays changes between clients of two server processes sharing one Redis', async () => {
    const { a, b } = await roomOnTwoProcesses();
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
    const { dataDir, p1, p2, room, a, b } = await roomOnTwoProcesses();
    let n = 0;
    await until(() => {
      putStage(a.doc, 'ping', String(++n));
      return stageName(b.doc, 'ping') !== undefined;
    }, 10_000);
    const closes: number[] = [];
    b.provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));

    const res = await fetch(`http://127.0.0.1:${p1}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.hostSecret }),
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

describe('presence across processes', () => {
  it('keeps a participant’s presence theirs, whichever process a forger connects to', async () => {
    const { p2, room, a: host, b: watcher } = await roomOnTwoProcesses();
    const hostId = host.provider.awareness!.clientID;
    const nameOf = (id: number) =>
      (watcher.provider.awareness!.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;
    // Until the second process relays presence (it subscribes as it loads the room).
    await until(() => {
      host.provider.setAwarenessField('user', { name: `Host ${Date.now()}` });
      return nameOf(hostId)?.startsWith('Host') ?? false;
    }, 10_000);
    host.provider.setAwarenessField('user', { name: 'Host' });
    await until(() => nameOf(hostId) === 'Host');

    // A client of the second process, which holds no connection of the host, claims its id.
    const forger = await RawClient.open(`ws://127.0.0.1:${p2}/live`);
    expect(await forger.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    forger.awareness(room.roomId, [{ clientId: hostId, clock: 5000, state: { user: { name: 'Forged' } } }]);
    await new Promise((r) => setTimeout(r, 500));
    expect(nameOf(hostId)).toBe('Host');
    expect(
      (host.provider.awareness!.getStates().get(hostId) as { user?: { name?: string } } | undefined)?.user?.name,
    ).toBe('Host');
    // Its own id is its own.
    forger.awareness(room.roomId, [{ clientId: 4242, clock: 1, state: { user: { name: 'Second device' } } }]);
    await until(() => nameOf(4242) === 'Second device');
    forger.close();
  });
});
