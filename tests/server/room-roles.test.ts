import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updateRefused, WORKSHOP_MAP } from '../../src/live/protocol';
import {
  readRoleDone,
  readRoleGrant,
  ROLE_REFUSED,
  roleRequest,
  type RoleChange,
  type RoleGrant,
} from '../../src/live/role-messages';
import type { NewRoom } from '../../src/server/rooms';
import WebSocket from 'ws';
import { LiveSession } from '../../src/live/live-session';
import type { RoleEvent } from '../../src/live/role-events';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { testContext } from '../helpers/workspace';
import { liveFixture, liveServer, until } from './live-helpers';
import { MESSAGE, RawClient } from './raw-client';

const { start, join, keep } = liveFixture();

/** A person in the room, speaking the protocol by hand (as a modified client could). */
interface Person {
  client: RawClient;
  clientId: number;
}

async function person(wsUrl: string, room: NewRoom, secret: string, clientId: number, name: string): Promise<Person> {
  const client = keep(await RawClient.open(wsUrl));
  expect(await client.authenticate(room.roomId, secret)).not.toBe('denied');
  // Speaking for an awareness id is what makes this connection "that person" in the room.
  client.awareness(room.roomId, [{ clientId, clock: 1, state: { user: { name } } }]);
  return { client, clientId };
}

const ask = (from: Person, room: NewRoom, clientId: number, change: RoleChange, links: Partial<NewRoom> = room) =>
  from.client.broadcast(
    room.roomId,
    roleRequest({ clientId, change, editSecret: links.editSecret!, viewSecret: links.viewSecret! }),
    MESSAGE.stateless,
  );

/** Waits for the next message this person is told after `since`, and returns it. */
async function told(p: Person, since: number): Promise<string> {
  await until(() => p.client.stateless.length > since);
  return p.client.stateless[since]!;
}

const grantOf = async (p: Person, since: number): Promise<RoleGrant | null> => readRoleGrant(await told(p, since));

/** A vote opened by this person: only a facilitator's is kept. Resolves with the server's answer. */
async function openVote(p: Person, room: NewRoom, base: Y.Doc, id: string): Promise<string | null> {
  const d = new Y.Doc();
  Y.applyUpdate(d, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(d);
  d.getMap(WORKSHOP_MAP).set('vote', { id, journeyId: 'j1', kinds: ['painPoints'], dots: 3, open: true });
  const before = p.client.stateless.length;
  p.client.update(room.roomId, Y.encodeStateAsUpdate(d, sv));
  await until(
    () =>
      p.client.stateless.length > before ||
      (base.getMap(WORKSHOP_MAP).get('vote') as { id?: string } | undefined)?.id === id,
  );
  return p.client.stateless[before] ?? null;
}

const access = async (url: string, room: NewRoom, secret: string) => {
  const res = await fetch(`${url}/api/rooms/${room.roomId}/access`, {
    method: 'POST',
    body: JSON.stringify({ secret }),
  });
  return res.ok ? ((await res.json()) as { access: string }).access : res.status;
};

describe('handing the facilitator role over', () => {
  it('refuses role changes from anyone but the facilitator, and forged ones', async () => {
    const live = await start();
    const room = await live.createRoom();
    const facilitator = await person(live.wsUrl, room, room.hostSecret, 1, 'Fatima');
    const dev = await person(live.wsUrl, room, room.editSecret, 2, 'Dev');
    const kim = await person(live.wsUrl, room, room.editSecret, 3, 'Kim');
    const ana = await person(live.wsUrl, room, room.viewSecret, 4, 'Ana');
    const watcher = join(live.wsUrl, room.roomId, room.viewSecret);
    await watcher.synced;
    await until(() => (watcher.provider.awareness?.getStates().size ?? 0) >= 5);

    // A participant or a viewer promoting themselves or anyone: refused, nothing changes.
    for (const [from, target, change] of [
      [dev, dev, 'hand-over'],
      [dev, kim, 'co-facilitator'],
      [ana, ana, 'hand-over'],
      [ana, dev, 'co-facilitator'],
    ] as const) {
      const since = from.client.stateless.length;
      ask(from, room, target.clientId, change);
      expect(await told(from, since)).toBe(ROLE_REFUSED);
    }
    // The facilitator with forged ids or links: no one, a viewer, themselves, a link not the room's.
    const forged: [number, RoleChange, Partial<NewRoom>][] = [
      [999, 'hand-over', room],
      [ana.clientId, 'hand-over', room],
      [ana.clientId, 'co-facilitator', room],
      [facilitator.clientId, 'co-facilitator', room],
      [dev.clientId, 'participant', room],
      [dev.clientId, 'hand-over', { ...room, editSecret: room.viewSecret }],
      [dev.clientId, 'hand-over', { ...room, viewSecret: 'x'.repeat(43) }],
    ];
    for (const [clientId, change, links] of forged) {
      const since = facilitator.client.stateless.length;
      ask(facilitator, room, clientId, change, links);
      expect(await told(facilitator, since), `${clientId} ${change}`).toBe(ROLE_REFUSED);
    }
    // Not a request at all, or one too large: refused, the socket stays.
    for (const payload of ['journey-canvas:role-request:{', `journey-canvas:role-request:${'x'.repeat(5000)}`]) {
      const since = facilitator.client.stateless.length;
      facilitator.client.broadcast(room.roomId, payload, MESSAGE.stateless);
      expect(await told(facilitator, since)).toBe(ROLE_REFUSED);
    }
    expect(facilitator.client.closeCode).toBeNull();
    // Still only the facilitator runs the room.
    expect(await openVote(dev, room, watcher.doc, 'v-dev')).toBe(updateRefused('facilitator'));
    expect(await openVote(facilitator, room, watcher.doc, 'v-f')).toBeNull();

    // Refusals add up: a client that keeps trying is closed.
    for (let i = 0; i < 25; i++) ask(dev, room, dev.clientId, 'hand-over');
    await dev.client.closed;
    expect(dev.client.closeCode).toBe(4429);
  });

  it('hands the room over: the new facilitator runs it, the old secret runs nothing, even after a restart', async () => {
    const first = await liveServer();
    const room = await first.createRoom();
    const facilitator = await person(first.wsUrl, room, room.hostSecret, 1, 'Fatima');
    const dev = await person(first.wsUrl, room, room.editSecret, 2, 'Dev');
    const kim = await person(first.wsUrl, room, room.editSecret, 3, 'Kim');
    const watcher = join(first.wsUrl, room.roomId, room.viewSecret);
    await watcher.synced;
    await until(() => (watcher.provider.awareness?.getStates().size ?? 0) >= 4);

    const [fSince, dSince, kSince] = [facilitator, dev, kim].map((p) => p.client.stateless.length);
    ask(facilitator, room, dev.clientId, 'hand-over');
    const grant = await grantOf(dev, dSince!);
    expect(grant).toMatchObject({ role: 'host', editSecret: room.editSecret, viewSecret: room.viewSecret });
    const secret = grant!.secret!;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The giver goes back to the edit link, and is told the change was made.
    await until(() => facilitator.client.stateless.length >= fSince! + 2);
    const toGiver = facilitator.client.stateless.slice(fSince);
    expect(toGiver.map(readRoleGrant)).toContainEqual({ role: 'edit', editSecret: room.editSecret });
    expect(toGiver.map(readRoleDone)).toContainEqual({ clientId: dev.clientId, role: 'host' });
    // The new secret went to the one promoted, to no one else with the same edit link.
    expect(kim.client.stateless.slice(kSince).some((m) => m.includes(secret))).toBe(false);

    expect(await openVote(dev, room, watcher.doc, 'v-dev')).toBeNull();
    expect(await openVote(facilitator, room, watcher.doc, 'v-f')).toBe(updateRefused('facilitator'));
    expect(await openVote(kim, room, watcher.doc, 'v-kim')).toBe(updateRefused('facilitator'));
    // The others see who facilitates now (the server stamps each presence with its role).
    dev.client.awareness(room.roomId, [{ clientId: dev.clientId, clock: 2, state: { user: { name: 'Dev' } } }]);
    facilitator.client.awareness(room.roomId, [
      { clientId: facilitator.clientId, clock: 2, state: { user: { name: 'Fatima', leading: true } } },
    ]);
    const userOf = (id: number) =>
      (watcher.provider.awareness!.getStates().get(id) as { user?: Record<string, unknown> } | undefined)?.user;
    await until(() => userOf(dev.clientId)?.role === 'host' && userOf(facilitator.clientId)?.role === 'edit');
    expect(userOf(facilitator.clientId)).toMatchObject({ leading: false });

    // The old facilitator's secret opens nothing, ends nothing, and cannot hand the room back.
    expect(await access(first.server.url, room, room.hostSecret)).toBe(404);
    const ended = await fetch(`${first.server.url}/api/rooms/${room.roomId}/end`, {
      method: 'POST',
      body: JSON.stringify({ secret: room.hostSecret }),
    });
    expect(ended.status).toBe(403);
    const since = facilitator.client.stateless.length;
    ask(facilitator, room, facilitator.clientId, 'hand-over');
    expect(await told(facilitator, since)).toBe(ROLE_REFUSED);
    expect(await access(first.server.url, room, secret)).toBe('host');

    // A restart keeps it: the new secret runs the room, the old one is refused.
    for (const p of [facilitator, dev, kim]) p.client.close();
    watcher.close();
    await first.stop(false);
    const second = await start({ dataDir: first.dataDir });
    const stale = keep(await RawClient.open(second.wsUrl));
    expect(await stale.authenticate(room.roomId, room.hostSecret)).toBe('denied');
    const back = await person(second.wsUrl, room, secret, 2, 'Dev');
    const watcher2 = join(second.wsUrl, room.roomId, room.viewSecret);
    await watcher2.synced;
    expect(await openVote(back, room, watcher2.doc, 'v-after')).toBeNull();
  });

  it('adds a co-facilitator, who runs the room but not its roles, and takes it back', async () => {
    const first = await liveServer();
    const room = await first.createRoom();
    const facilitator = await person(first.wsUrl, room, room.hostSecret, 1, 'Fatima');
    const dev = await person(first.wsUrl, room, room.editSecret, 2, 'Dev');
    const kim = await person(first.wsUrl, room, room.editSecret, 3, 'Kim');
    const watcher = join(first.wsUrl, room.roomId, room.viewSecret);
    await watcher.synced;
    await until(() => (watcher.provider.awareness?.getStates().size ?? 0) >= 4);

    let since = dev.client.stateless.length;
    ask(facilitator, room, dev.clientId, 'co-facilitator');
    const grant = await grantOf(dev, since);
    expect(grant).toMatchObject({ role: 'cohost', viewSecret: room.viewSecret });
    const coSecret = grant!.secret!;
    expect(await access(first.server.url, room, coSecret)).toBe('cohost');
    expect(await openVote(dev, room, watcher.doc, 'v-co')).toBeNull();
    // Both still run the room; a co-facilitator changes no one's role.
    expect(await openVote(facilitator, room, watcher.doc, 'v-f')).toBeNull();
    since = dev.client.stateless.length;
    ask(dev, room, kim.clientId, 'co-facilitator');
    expect(await told(dev, since)).toBe(ROLE_REFUSED);
    expect(await openVote(kim, room, watcher.doc, 'v-kim')).toBe(updateRefused('facilitator'));

    // A restart keeps the co-facilitator's secret.
    for (const p of [facilitator, dev, kim]) p.client.close();
    watcher.close();
    await first.stop(false);
    const second = await start({ dataDir: first.dataDir });
    const f2 = await person(second.wsUrl, room, room.hostSecret, 1, 'Fatima');
    const d2 = await person(second.wsUrl, room, coSecret, 2, 'Dev');
    const watcher2 = join(second.wsUrl, room.roomId, room.viewSecret);
    await watcher2.synced;
    await until(() => (watcher2.provider.awareness?.getStates().size ?? 0) >= 3);
    expect(await openVote(d2, room, watcher2.doc, 'v-co-2')).toBeNull();

    // Taken back: the co-facilitator's secret runs nothing, and they are told to use the edit link.
    since = d2.client.stateless.length;
    ask(f2, room, d2.clientId, 'participant');
    expect(await grantOf(d2, since)).toEqual({ role: 'edit', editSecret: room.editSecret });
    expect(await openVote(d2, room, watcher2.doc, 'v-co-3')).toBe(updateRefused('facilitator'));
    expect(await access(second.server.url, room, coSecret)).toBe(404);

    // A co-facilitator ends the session for everyone, as the facilitator does.
    since = d2.client.stateless.length;
    ask(f2, room, d2.clientId, 'co-facilitator');
    const again = (await grantOf(d2, since))!.secret!;
    const end = (secret: string) =>
      fetch(`${second.server.url}/api/rooms/${room.roomId}/end`, { method: 'POST', body: JSON.stringify({ secret }) });
    expect((await end(room.editSecret)).status).toBe(403);
    expect((await end(again)).status).toBe(204);
    expect(await access(second.server.url, room, room.hostSecret)).toBe(404);
  });
});

describe('a device whose role changed', () => {
  /** The app's own live session in Node: what it is told about roles, and what the server refused. */
  function session(wsUrl: string, room: NewRoom, secret: string, name: string, fallbackSecret?: string) {
    const roles: RoleEvent[] = [];
    const refused: string[] = [];
    const ended: string[] = [];
    const s = new LiveSession({
      store: createWorkspaceStore({ makeContext: testContext() }),
      url: wsUrl,
      roomId: room.roomId,
      secret,
      ...(fallbackSecret ? { fallbackSecret } : {}),
      name,
      color: '#2e86ab',
      WebSocketPolyfill: WebSocket,
      onRole: (event) => roles.push(event),
      onChangeRefused: (reason) => refused.push(reason),
      onRefused: (reason) => ended.push(reason),
    });
    keep(s);
    return { s, roles, refused, ended };
  }
  const openVote = (s: LiveSession, id: string) =>
    s
      .sessionShare('voter', 'Someone')
      .write({ vote: { id, journeyId: 'j1', kinds: ['painPoints'], dots: 3, open: true } });

  it('connects with the secret it was handed, and one away during the hand-over goes back to the edit link', async () => {
    const live = await start();
    const room = await live.createRoom();
    const fatima = session(live.wsUrl, room, room.hostSecret, 'Fatima');
    const dev = session(live.wsUrl, room, room.editSecret, 'Dev');
    await Promise.all([fatima.s.whenSynced(), dev.s.whenSynced()]);
    const devId = dev.s.provider.awareness!.clientID;
    await until(() => fatima.s.participants().some((p) => p.clientId === devId));

    fatima.s.requestRole({
      clientId: devId,
      change: 'hand-over',
      editSecret: room.editSecret,
      viewSecret: room.viewSecret,
    });
    await until(() => dev.roles.length > 0 && fatima.roles.length >= 2);
    expect(dev.roles[0]).toMatchObject({ grant: { role: 'host' } });
    expect(fatima.roles).toContainEqual({ grant: { role: 'edit', editSecret: room.editSecret } });
    expect(fatima.roles).toContainEqual({ done: { clientId: devId, role: 'host' } });
    // Everyone sees the new role on Dev's presence, sent again once the role changed.
    await until(() => fatima.s.participants().find((p) => p.clientId === devId)?.role === 'host');

    // After a dropped connection Dev's device connects with the new secret: still the facilitator.
    dev.s.provider.disconnect();
    await until(() => dev.s.status === 'offline');
    void dev.s.provider.connect();
    await until(() => dev.s.status === 'connected' && dev.s.provider.isAuthenticated);
    openVote(dev.s, 'v-dev');
    await dev.s.whenConfirmed();
    openVote(fatima.s, 'v-fatima');
    await until(() => fatima.refused.length > 0);
    expect(fatima.refused).toEqual(['facilitator']);

    // A device of Fatima's that kept the old secret (it was away): back in with the edit link.
    const away = session(live.wsUrl, room, room.hostSecret, 'Fatima', room.editSecret);
    await away.s.whenSynced();
    expect(away.ended).toEqual([]);
    expect(away.roles).toEqual([{ grant: { role: 'edit', editSecret: room.editSecret } }]);
    // Without the edit link to go back to, the old secret opens nothing.
    const stale = session(live.wsUrl, room, room.hostSecret, 'Fatima');
    await until(() => stale.ended.length > 0);
  });
});
