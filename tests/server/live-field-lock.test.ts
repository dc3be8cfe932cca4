import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { addRecords } from '../../src/domain/format/import-document';
import { fieldHolders } from '../../src/live/field-lock';
import { LiveSession } from '../../src/live/live-session';
import { createWorkspaceStore } from '../../src/store/workspace-store';
import { readExample } from '../helpers/examples';
import { storeWith, testContext } from '../helpers/workspace';
import { connect, liveServer, until } from './live-helpers';

const J = 'j-reschedule';
const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function sharedRoom() {
  const live = await liveServer();
  stops.push(() => live.stop());
  const room = await live.createRoom();
  const session = (store: ReturnType<typeof createWorkspaceStore>, name: string) => {
    const s = new LiveSession({
      store,
      url: live.wsUrl,
      roomId: room.roomId,
      secret: room.editSecret,
      name,
      color: '#2e86ab',
      WebSocketPolyfill: WebSocket,
    });
    stops.push(() => s.close());
    return s;
  };
  const host = session(storeWith(readExample('appointment-reschedule.journey.json')), 'Fatima');
  await host.whenSynced();
  host.share(J);
  await host.whenConfirmed();
  const guestStore = createWorkspaceStore({ makeContext: testContext() });
  const guest = session(guestStore, 'Dev');
  await guest.whenSynced();
  const { records } = guest.received();
  guestStore.dispatch(addRecords(records), { history: false });
  guest.adopt(J);
  await until(() => host.participants().length === 2 && guest.participants().length === 2);
  return { live, room, host, guest };
}

/** Who holds which field, as one session sees it now. */
const holds = (s: LiveSession) =>
  fieldHolders(
    s.participants().map((p) => ({ ...p, seenAt: p.editingSeen })),
    s.provider.awareness?.clientID,
    Date.now(),
  ).map((h) => `${h.cardId}.${h.field}: ${h.name}${h.me ? ' (me)' : ''}`);

describe('soft locks on text fields in a live session', () => {
  it('tell the others who holds a field; a claim made after seeing another comes after it', async () => {
    const { host, guest } = await sharedRoom();
    host.claimField('c7', 'title');
    await until(() => holds(guest).length === 1);
    expect(holds(guest)).toEqual(['c7.title: Fatima']);
    expect(holds(host)).toEqual(['c7.title: Fatima (me)']);
    // Dev claims the same field having seen Fatima's claim: it comes after, on both screens.
    guest.claimField('c7', 'title');
    await until(() => host.participants().some((p) => p.name === 'Dev' && p.editing !== null));
    expect(holds(host)).toEqual(['c7.title: Fatima (me)']);
    expect(holds(guest)).toEqual(['c7.title: Fatima']);
    guest.releaseField('c7', 'title');
    // Fatima lets go: the field is free for everyone.
    host.releaseField('c7', 'title');
    await until(() => holds(guest).length === 0);
    // Releasing a field one does not hold changes nothing.
    guest.claimField('c7', 'notes');
    guest.releaseField('c7', 'title');
    await until(() => holds(host).length === 1);
    expect(holds(host)).toEqual(['c7.notes: Dev']);
  });

  it('lets go of a field when its holder leaves or loses the connection', async () => {
    const { host, guest } = await sharedRoom();
    guest.claimField('c7', 'notes');
    await until(() => holds(host).length === 1);
    // The connection drops (the server removes the holder's state and tells the others).
    void guest.provider.disconnect();
    await until(() => holds(host).length === 0);
    void guest.provider.connect();
    await until(() => holds(host).length === 1);
    guest.close();
    await until(() => holds(host).length === 0);
  });

  it('reads what a hostile peer says about itself through the allow-list and the bounds', async () => {
    const { live, room, host } = await sharedRoom();
    const peer = connect(live.wsUrl, room.roomId, room.editSecret);
    stops.push(() => peer.close());
    await peer.synced;
    peer.provider.setAwarenessField('user', {
      name: 'M'.repeat(10_000),
      color: 'url(javascript:alert(1))',
      selected: ['c7'],
      editing: { cardId: 'c7', field: 'constructor', seq: 0, beat: 0 },
    });
    await until(() => host.participants().length === 3);
    const them = host.participants().find((p) => p.name.startsWith('M'))!;
    expect(them.name).toHaveLength(100);
    expect(them.color).toMatch(/^#[0-9a-f]{6}$/);
    expect([them.selected, them.editing]).toEqual([null, null]);
    // A well-formed claim with a number no one could have seen yet still orders by the rules.
    peer.provider.setAwarenessField('user', {
      name: 'Mallory',
      editing: { cardId: 'c7', field: 'title', seq: 0, beat: 0 },
    });
    await until(() => holds(host).length === 1);
    expect(holds(host)).toEqual(['c7.title: Mallory']);
  });
});
