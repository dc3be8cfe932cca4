import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { TABLES } from '../../src/domain/types';
import { LIVE_PING, LIVE_PONG, ROOM_ENDED, updateRefused, WORKSHOP_MAP } from '../../src/live/protocol';
import { liveFixture, putStage, stageName, stageNames, until, type Client } from './live-helpers';
import { createRoom, freePort, join_, serve, tempDir } from './process-helpers';
import { closesWithin, frame, MESSAGE, RawClient } from './raw-client';
import * as encoding from 'lib0/encoding';

const { start, join, keep } = liveFixture();
const raw = async (wsUrl: string) => keep(await RawClient.open(wsUrl));
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a (modified) client's document sends when `change` runs on an empty one. */
function updateOf(change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  change(doc);
  return Y.encodeStateAsUpdate(doc);
}
function record(doc: Y.Doc, table: string, key: string, fields: Record<string, unknown>): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  doc.getMap(table).set(key, m);
  return m;
}
const stage = (id: string, name = 'A stage') => ({ id, journeyId: 'j1', order: 'a0', name });

describe('permissions per message kind', () => {
  it('answers a ping to the one who asked, before and after it is let in, and passes it on to no one', async () => {
    const live = await start();
    const room = await live.createRoom();
    const host = join(live.wsUrl, room.roomId, room.editSecret);
    await host.synced;
    const heard: string[] = [];
    host.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));

    const asking = await raw(live.wsUrl);
    asking.broadcast(room.roomId, LIVE_PING, MESSAGE.stateless);
    await until(() => asking.stateless.length === 1);
    expect(await asking.authenticate(room.roomId, room.viewSecret)).toBe('readonly');
    asking.broadcast(room.roomId, LIVE_PING, MESSAGE.stateless);
    asking.broadcast(room.roomId, 'something else', MESSAGE.stateless);
    await until(() => asking.stateless.length === 2);
    await pause(200);
    expect(asking.stateless).toEqual([LIVE_PONG, LIVE_PONG]);
    expect(heard).toEqual([]);
  });

  it('passes on no stateless message a client sends: only the server says the room ended', async () => {
    const live = await start();
    const room = await live.createRoom();
    const host = join(live.wsUrl, room.roomId, room.editSecret);
    await host.synced;
    const heard: string[] = [];
    host.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));

    const viewer = await raw(live.wsUrl);
    expect(await viewer.authenticate(room.roomId, room.viewSecret)).toBe('readonly');
    viewer.broadcast(room.roomId, ROOM_ENDED);
    viewer.broadcast(room.roomId, ROOM_ENDED, MESSAGE.stateless);
    const editor = await raw(live.wsUrl);
    expect(await editor.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    editor.broadcast(room.roomId, ROOM_ENDED);
    await pause(400);
    expect(heard).toEqual([]);
    expect(host.provider.isSynced).toBe(true);

    const ended = await fetch(`${live.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.hostSecret }),
    });
    expect(ended.status).toBe(204);
    await until(() => heard.includes(ROOM_ENDED));
  });

  it('lets a client speak only for its own presence', async () => {
    const live = await start();
    const room = await live.createRoom();
    const host = join(live.wsUrl, room.roomId, room.editSecret);
    const observer = join(live.wsUrl, room.roomId, room.viewSecret);
    await Promise.all([host.synced, observer.synced]);
    host.provider.setAwarenessField('user', { name: 'Host' });
    const hostId = host.provider.awareness!.clientID;
    const nameOf = (c: Client, id: number) =>
      (c.provider.awareness!.getStates().get(id) as { user?: { name?: string } } | undefined)?.user?.name;
    await until(() => nameOf(observer, hostId) === 'Host');

    const viewer = await raw(live.wsUrl);
    expect(await viewer.authenticate(room.roomId, room.viewSecret)).toBe('readonly');
    // Its own presence, first: shown to the others.
    viewer.awareness(room.roomId, [{ clientId: 777, clock: 1, state: { user: { name: 'Viewer' } } }]);
    await until(() => nameOf(observer, 777) === 'Viewer');
    // Then the host's, with a newer clock; and the host's removed.
    viewer.awareness(room.roomId, [{ clientId: hostId, clock: 1000, state: { user: { name: 'Forged' } } }]);
    viewer.awareness(room.roomId, [{ clientId: hostId, clock: 1001, state: null }]);
    // A new connection whose first word claims the host's id.
    const intruder = await raw(live.wsUrl);
    expect(await intruder.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    intruder.awareness(room.roomId, [{ clientId: hostId, clock: 2000, state: { user: { name: 'Forged' } } }]);
    await pause(400);
    expect(nameOf(observer, hostId)).toBe('Host');
    expect(nameOf(host, hostId)).toBe('Host');
    // The viewer still speaks for itself.
    viewer.awareness(room.roomId, [{ clientId: 777, clock: 2, state: { user: { name: 'Viewer again' } } }]);
    await until(() => nameOf(observer, 777) === 'Viewer again');
  });
});

describe('before authentication', () => {
  it('closes a refused socket, and one that sends much before any room lets it in', async () => {
    const live = await start();
    const room = await live.createRoom();
    const wrong = await raw(live.wsUrl);
    expect(await wrong.authenticate(room.roomId, 'not-the-secret')).toBe('denied');
    expect(await closesWithin(wrong, 2000)).toBe(true);
    const unknown = await raw(live.wsUrl);
    expect(await unknown.authenticate('A'.repeat(22), room.editSecret)).toBe('denied');
    expect(await closesWithin(unknown, 2000)).toBe(true);

    // Never authenticates, and sends 160 KB for a room: not kept in memory, the socket is closed.
    const flood = await raw(live.wsUrl);
    const chunk = frame(room.roomId, MESSAGE.sync, (e) => {
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint8Array(e, new Uint8Array(8 * 1024));
    });
    for (let i = 0; i < 20; i++) flood.send(chunk);
    expect(await closesWithin(flood, 2000)).toBe(true);

    // An honest participant is not affected.
    const a = join(live.wsUrl, room.roomId, room.editSecret);
    await a.synced;
    putStage(a.doc, 's1', 'still working');
    const b = join(live.wsUrl, room.roomId, room.editSecret);
    await until(() => stageName(b.doc, 's1') === 'still working');
  });
});

describe('what a room stores', () => {
  it('refuses an update that breaks the journey’s rules, keeps none of it, and tells its sender', async () => {
    const live = await start();
    const room = await live.createRoom();
    const editor = await raw(live.wsUrl);
    expect(await editor.authenticate(room.roomId, room.hostSecret)).toBe('read-write');
    const bad = [
      // A card whose title is a number.
      updateOf((d) =>
        record(d, 'cards', 'k1', { id: 'k1', journeyId: 'j1', stageId: 's1', laneId: 'l1', order: 'a0', title: 42 }),
      ),
      // Keys an object's prototype answers to.
      updateOf((d) => record(d, 'stages', '__proto__', stage('__proto__'))),
      updateOf((d) => record(d, 'stages', 's2', { ...stage('s2'), constructor: 'x' })),
      // A lane of no known kind, a record under another id, a stage with no name.
      updateOf((d) => record(d, 'lanes', 'l1', { id: 'l1', journeyId: 'j1', order: 'a0', kind: 'weird' })),
      updateOf((d) => record(d, 'stages', 's3', stage('s4'))),
      updateOf((d) => record(d, 'stages', 's5', { id: 's5', journeyId: 'j1', order: 'a0' })),
      // Something a journey does not have, and a shared type inside a record.
      updateOf((d) => d.getArray('junk').push([1])),
      updateOf((d) => d.getMap('cards').set('k2', 'not a record')),
      updateOf((d) => record(d, 'stages', 's6', stage('s6')).set('nested', new Y.Map())),
      updateOf((d) => record(d, 'stages', 's7', stage('s7')).set('bytes', new Uint8Array([1, 2]))),
      // Not a Yjs update at all.
      new Uint8Array([1, 200, 7, 3, 3, 3]),
    ];
    for (const u of bad) editor.update(room.roomId, u);
    editor.update(
      room.roomId,
      updateOf((d) => record(d, 'stages', 'ok', stage('ok', 'Kept'))),
    );
    await until(() => editor.stateless.length >= bad.length);
    expect(editor.stateless).toEqual(bad.map(() => updateRefused('invalid')));

    const fresh = join(live.wsUrl, room.roomId, room.editSecret);
    await fresh.synced;
    await until(() => stageName(fresh.doc, 'ok') === 'Kept');
    expect(stageNames(fresh.doc)).toEqual({ ok: 'Kept' });
    for (const table of TABLES) if (table !== 'stages') expect(fresh.doc.getMap(table).size).toBe(0);
    expect([...fresh.doc.share.keys()].every((k) => (TABLES as readonly string[]).includes(k))).toBe(true);

    // Each refusal costs the server a copy of the room: a socket that keeps sending them is closed.
    for (let i = 0; i < 10; i++) editor.update(room.roomId, bad[0]!);
    expect(await closesWithin(editor, 2000)).toBe(true);
    expect(editor.closeCode).toBe(4429);
  });

  it('keeps the workshop’s entries (the vote, dots, the timer) and refuses what a workshop has not', async () => {
    const live = await start();
    const room = await live.createRoom();
    const editor = await raw(live.wsUrl);
    expect(await editor.authenticate(room.roomId, room.hostSecret)).toBe('read-write');
    const bad = [
      updateOf((d) => d.getMap(WORKSHOP_MAP).set('__proto__', { open: true })),
      updateOf((d) => d.getMap(WORKSHOP_MAP).set('vote', new Y.Map())),
      updateOf((d) => d.getMap(WORKSHOP_MAP).set('x'.repeat(500), 1)),
    ];
    for (const u of bad) editor.update(room.roomId, u);
    editor.update(
      room.roomId,
      updateOf((d) => {
        d.getMap(WORKSHOP_MAP).set('vote', { id: 'v1', journeyId: 'j1', kinds: ['painPoints'], dots: 3, open: true });
        d.getMap(WORKSHOP_MAP).set('ballot:me', { name: 'Ana', color: '#112233', dots: { c1: 2 } });
      }),
    );
    await until(() => editor.stateless.length >= bad.length);
    expect(editor.stateless).toEqual(bad.map(() => updateRefused('invalid')));
    const fresh = join(live.wsUrl, room.roomId, room.editSecret);
    await fresh.synced;
    await until(() => fresh.doc.getMap(WORKSHOP_MAP).has('ballot:me'));
    expect([...fresh.doc.getMap(WORKSHOP_MAP).keys()].sort()).toEqual(['ballot:me', 'vote']);
  });

  it('lets only the facilitator run the vote, the timer and Follow me; participants add dots', async () => {
    const live = await start();
    const room = await live.createRoom();
    const facilitator = await raw(live.wsUrl);
    expect(await facilitator.authenticate(room.roomId, room.hostSecret)).toBe('read-write');
    const participant = await raw(live.wsUrl);
    expect(await participant.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    const vote = { id: 'v1', journeyId: 'j1', kinds: ['painPoints'], dots: 3, open: true };
    // Each change is built on what the room already holds (from a client that joined it).
    const watcher = join(live.wsUrl, room.roomId, room.viewSecret);
    await watcher.synced;
    const on = (change: (d: Y.Doc) => void) => {
      const d = new Y.Doc();
      Y.applyUpdate(d, Y.encodeStateAsUpdate(watcher.doc));
      const sv = Y.encodeStateVector(d);
      change(d);
      return Y.encodeStateAsUpdate(d, sv);
    };
    const refusedBefore = participant.stateless.length;
    participant.update(
      room.roomId,
      on((d) => d.getMap(WORKSHOP_MAP).set('vote', vote)),
    );
    participant.update(
      room.roomId,
      on((d) => d.getMap(WORKSHOP_MAP).set('timer', { durationMs: 60_000 })),
    );
    facilitator.update(
      room.roomId,
      on((d) => record(d, 'journeys', 'j1', { id: 'j1', title: 'A journey', personaId: 'p1' })),
    );
    await until(() => watcher.doc.getMap('journeys').has('j1'));
    participant.update(
      room.roomId,
      on((d) =>
        (d.getMap('journeys').get('j1') as Y.Map<unknown>).set('voteRounds', [
          { id: 'r1', closedAt: 1, kinds: ['painPoints'], tallies: { c1: 2 } },
        ]),
      ),
    );
    await until(() => participant.stateless.length >= refusedBefore + 3);
    expect(participant.stateless.slice(refusedBefore)).toEqual([
      updateRefused('facilitator'),
      updateRefused('facilitator'),
      updateRefused('facilitator'),
    ]);
    expect(watcher.doc.getMap(WORKSHOP_MAP).has('vote')).toBe(false);

    // The facilitator opens the vote; a participant's own dots are taken.
    facilitator.update(
      room.roomId,
      on((d) => d.getMap(WORKSHOP_MAP).set('vote', vote)),
    );
    await until(() => watcher.doc.getMap(WORKSHOP_MAP).has('vote'));
    participant.update(
      room.roomId,
      on((d) => d.getMap(WORKSHOP_MAP).set('ballot:p', { voteId: 'v1', name: 'Dev', dots: { c1: 1 } })),
    );
    await until(() => watcher.doc.getMap(WORKSHOP_MAP).has('ballot:p'));
    // Removing them is the facilitator's (a new vote).
    participant.update(
      room.roomId,
      on((d) => d.getMap(WORKSHOP_MAP).delete('ballot:p')),
    );
    await until(() => participant.stateless.length >= refusedBefore + 4);
    expect(participant.stateless.at(-1)).toBe(updateRefused('facilitator'));

    // A participant's presence cannot lead the room, and says what the server let them do.
    participant.awareness(room.roomId, [
      {
        clientId: 5151,
        clock: 1,
        state: { user: { name: 'Dev', leading: true, view: { stages: ['s1'], present: 's1', lane: null } } },
      },
    ]);
    facilitator.awareness(room.roomId, [
      { clientId: 6161, clock: 1, state: { user: { name: 'Fatima', leading: true, role: 'view' } } },
    ]);
    const userOf = (id: number) =>
      (watcher.provider.awareness!.getStates().get(id) as { user?: Record<string, unknown> } | undefined)?.user;
    await until(() => !!userOf(5151) && !!userOf(6161));
    expect(userOf(5151)).toMatchObject({ name: 'Dev', leading: false, view: null, role: 'edit' });
    expect(userOf(6161)).toMatchObject({ name: 'Fatima', leading: true, role: 'host' });
  });

  it('says what a link opens before anyone is asked a name', async () => {
    const live = await start();
    const room = await live.createRoom();
    const ask = (roomId: string, secret: unknown) =>
      fetch(`${live.server.url}/api/rooms/${roomId}/access`, { method: 'POST', body: JSON.stringify({ secret }) });
    expect(await (await ask(room.roomId, room.viewSecret)).json()).toEqual({ access: 'view' });
    expect(await (await ask(room.roomId, room.editSecret)).json()).toEqual({ access: 'edit' });
    expect((await ask(room.roomId, 'wrong')).status).toBe(404);
    await fetch(`${live.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.hostSecret }),
    });
    expect((await ask(room.roomId, room.editSecret)).status).toBe(404);
  });

  it('bounds each room’s records and bytes, and the rooms one address creates', async () => {
    const live = await start({
      roomLimits: { maxRecords: 20, maxBytes: 48 * 1024 },
      roomsPerAddressPerHour: 3,
    });
    const room = await live.createRoom();
    const editor = await raw(live.wsUrl);
    expect(await editor.authenticate(room.roomId, room.editSecret)).toBe('read-write');
    editor.update(
      room.roomId,
      updateOf((d) => {
        for (let i = 0; i < 25; i++) record(d, 'stages', `s${i}`, stage(`s${i}`));
      }),
    );
    const card = (id: string) => ({
      id,
      journeyId: 'j1',
      stageId: 's1',
      laneId: 'l1',
      order: 'a0',
      title: 'Long notes',
      notes: 'n'.repeat(20_000),
    });
    editor.update(
      room.roomId,
      updateOf((d) => record(d, 'cards', 'k1', card('k1'))),
    );
    editor.update(
      room.roomId,
      updateOf((d) => record(d, 'cards', 'k2', card('k2'))),
    );
    editor.update(
      room.roomId,
      updateOf((d) => record(d, 'cards', 'k3', card('k3'))),
    );
    await until(() => editor.stateless.length >= 2);
    expect(editor.stateless).toEqual([updateRefused('full'), updateRefused('full')]);
    const fresh = join(live.wsUrl, room.roomId, room.editSecret);
    await fresh.synced;
    await until(() => fresh.doc.getMap('cards').size === 2);
    expect(fresh.doc.getMap('stages').size).toBe(0);

    // Three rooms an hour from one address (one made above).
    const post = () => fetch(`${live.server.url}/api/rooms`, { method: 'POST' });
    expect((await post()).status).toBe(201);
    expect((await post()).status).toBe(201);
    const refused = await post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('3600');

    const capped = await start({ maxOpenRooms: 1 });
    expect((await capped.createRoom()).roomId).toBeTruthy();
    expect((await fetch(`${capped.server.url}/api/rooms`, { method: 'POST' })).status).toBe(503);
  });

  it('takes its limits from the environment', async () => {
    const port = await freePort();
    await serve({ PORT: String(port), DATA_DIR: tempDir(), LIVE_ROOMS_PER_HOUR: '1', LIVE_MAX_ROOM_RECORDS: '2' });
    const room = await createRoom(port);
    expect((await fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST' })).status).toBe(429);
    const a = join_(port, room);
    await a.synced;
    const heard: string[] = [];
    a.provider.on('stateless', ({ payload }: { payload: string }) => heard.push(payload));
    putStage(a.doc, 's1', 'one');
    putStage(a.doc, 's2', 'two');
    await pause(100);
    putStage(a.doc, 's3', 'three');
    await until(() => heard.includes(updateRefused('full')));
  });

  it('behind a balancer (LIVE_TRUST_PROXY=1), counts the rooms each client makes, not the balancer’s', async () => {
    const port = await freePort();
    await serve({ PORT: String(port), DATA_DIR: tempDir(), LIVE_ROOMS_PER_HOUR: '1', LIVE_TRUST_PROXY: '1' });
    const from = (address: string) =>
      fetch(`http://127.0.0.1:${port}/api/rooms`, { method: 'POST', headers: { 'X-Real-IP': address } });
    expect((await from('203.0.113.7')).status).toBe(201);
    expect((await from('203.0.113.7')).status).toBe(429);
    expect((await from('198.51.100.20')).status).toBe(201);
  });
});
