import type { App } from '../app/create-app';
import { addRecords } from '../domain/format/import-document';
import type { Id } from '../domain/types';
import { randomId } from '../domain/ids';
import type { SessionShare } from '../app/session-share';
import type { LiveRec } from '../storage/db';
import { i18n } from '../i18n';
import { IndexeddbPersistence } from 'y-indexeddb';
import { rollCall } from './roll-call';
import { LiveSession, type Participant } from './live-session';
import { fieldHolders, nextStale, type LockField } from './field-lock';
import { addOfflineLosses, colorFor, liveLink, type LiveJourney, type MapView } from './live-state';
import { facilitates } from './protocol';
import { applyRole, type RoleEvent } from './role-events';
import type { RoleChange } from './role-messages';
import type { JoinProgress } from './join-progress';

/**
 * A room being joined: connected, and its journey received and read, while the person types
 * their name (nobody sees them until they join), so that `Join` opens a map already here.
 */
interface Joining {
  roomId: string;
  secret: string;
  session: LiveSession;
  /** The room's journey as checked records, or null once refused. */
  ready: Promise<ReturnType<LiveSession['received']> | null>;
  progress: JoinProgress;
  listeners: Set<(progress: JoinProgress) => void>;
  /** Called when the room refuses (or ends) before the person has joined. */
  refused: () => void;
  /** Transactions since the journey was read: the room changed meanwhile, and it is read again. */
  changedSince: number;
}

interface Entry {
  session: LiveSession;
  rec: LiveRec;
  persistence: IndexeddbPersistence;
  stopSaving: () => void;
  share?: SessionShare;
}

const wsUrl = () => `${window.location.origin.replace(/^http/, 'ws')}/live`;

/** The other participant who asks everyone to follow their view, if any. */
function leaderOf(participants: readonly Participant[], me: number | undefined): Participant | null {
  return participants.find((p) => p.leading && facilitates(p.role) && p.clientId !== me) ?? null;
}

/** The IndexedDB database y-indexeddb keeps a live journey's document in. */
const liveDocName = (journeyId: Id) => `journey-canvas-live-${journeyId}`;
/** Under this key of that database: how many changes made here the server had not confirmed. */
const WAITING_KEY = 'waiting';
/** And the text fields changed offline that the room has not merged yet (see `offline-losses.ts`). */
const OFFLINE_CHANGES_KEY = 'offlineChanges';
const WAITING_SAVE_MS = 300;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** How long a join waits for the room before saying it cannot be reached. */
const JOIN_TIMEOUT_MS = 15_000;

/**
 * This tab's live sessions, one per live journey. Loaded the first time a journey is shared or a
 * link opened, so the first bundle carries no Yjs.
 */
export function createLiveRegistry(app: App) {
  const entries = new Map<Id, Entry>();

  const update = (journeyId: Id, change: Partial<LiveJourney>) => {
    const current = app.live.getState().journeys[journeyId];
    if (!current) return;
    app.live.setState((s) => ({ journeys: { ...s.journeys, [journeyId]: { ...current, ...change } } }));
  };

  const records = async () => (await app.start()).liveRecords;

  /**
   * Keeps the room's document in this browser as it changes (y-indexeddb writes every update at
   * once, before the store's own write of the same change), so changes made offline survive a
   * reload and merge later; resolves once what was kept before is back in the document.
   */
  async function persist(journeyId: Id, session: LiveSession): Promise<IndexeddbPersistence> {
    const persistence = new IndexeddbPersistence(liveDocName(journeyId), session.doc);
    await persistence.whenSynced;
    return persistence;
  }

  /** Keeps the session's record, and how many changes wait for the server, for a reload. */
  function keep(journeyId: Id, session: LiveSession, rec: LiveRec, persistence: IndexeddbPersistence): void {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const save = () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      void persistence.set(WAITING_KEY, session.waiting).catch(() => undefined);
      void persistence.set(OFFLINE_CHANGES_KEY, JSON.stringify(session.offlineChanges)).catch(() => undefined);
    };
    const onWaiting = () => {
      // Offline, a reload may come before any timer: what was written offline is kept at once, as
      // y-indexeddb keeps the change itself, so a loss is still told once back.
      if (session.status !== 'connected') save();
      else timer ??= setTimeout(save, WAITING_SAVE_MS);
    };
    session.provider.on('unsyncedChanges', onWaiting);
    session.provider.on('synced', onWaiting);
    void records().then((r) => r.put(rec));
    entries.set(journeyId, {
      session,
      rec,
      persistence,
      stopSaving: () => {
        session.provider.off('unsyncedChanges', onWaiting);
        session.provider.off('synced', onWaiting);
        if (timer !== null) clearTimeout(timer);
      },
    });
  }

  const forget = (journeyId: Id) => {
    const entry = entries.get(journeyId);
    entry?.stopSaving();
    entry?.session.close();
    // The journey stays, as an ordinary one; the room's document kept for it goes.
    void entry?.persistence.clearData().catch(() => undefined);
    entries.delete(journeyId);
    void records().then((r) => r.remove(journeyId));
    app.live.setState((s) => {
      const journeys = { ...s.journeys };
      delete journeys[journeyId];
      return { journeys };
    });
  };

  function watch(journeyId: Id, session: LiveSession) {
    // A claim on a field gone silent stops being honoured without any change to announce it.
    let staleTimer: ReturnType<typeof setTimeout> | null = null;
    /** The awareness id of the lead last followed (or declined), kept across dropped connections. */
    let lastLead: number | null = null;
    const refresh = () => {
      const me = session.provider.awareness?.clientID;
      // Read once per change: with thirty people the awareness changes many times a second.
      const everyone = session.participants();
      const now = Date.now();
      const claimants = everyone.map((p) => ({ ...p, seenAt: p.editingSeen }));
      const editing = fieldHolders(claimants, me, now);
      const stale = nextStale(claimants, me, now);
      if (staleTimer !== null) clearTimeout(staleTimer);
      staleTimer =
        stale === null
          ? null
          : setTimeout(
              () => {
                staleTimer = null;
                if (app.live.getState().journeys[journeyId]) refresh();
              },
              stale - now + 50,
            );
      const leading = leaderOf(everyone, me);
      const leader = leading ? { name: leading.name, view: leading.view } : null;
      // A lead is new when it comes from someone else, or from one who had stopped leading: only
      // then is it followed again by one who had stopped following. A lead seen again after a
      // dropped connection (theirs or this one's) is the same lead.
      let newLead = false;
      if (leading) {
        newLead = leading.clientId !== lastLead;
        lastLead = leading.clientId;
      } else if (everyone.some((p) => p.clientId === lastLead && !p.leading)) lastLead = null;
      const roll = rollCall(
        everyone.map((p) => ({
          clientId: p.clientId,
          name: p.name,
          color: p.color,
          selected: p.selected,
          me: p.clientId === me,
          role: p.role,
        })),
        // The room's roll, the same on every screen, late joiners' too.
        new Map(session.roll().map((p) => [p.name, p])),
        session.status === 'connected',
      );
      update(journeyId, {
        status: session.status,
        access: session.access,
        waiting: session.waiting,
        participants: roll.list,
        leader,
        editing,
        // A new lead is followed again by those who stopped following the last one.
        ...(newLead ? { followOff: false } : {}),
      });
    };
    session.onStatusChange(refresh);
    session.onRollChange(refresh);
    session.provider.on('unsyncedChanges', refresh);
    session.provider.on('synced', refresh);
    session.provider.on('authenticated', refresh);
    session.provider.awareness?.on('change', refresh);
    refresh();
  }

  /** The host ending the room closes it: the journey stays here as an ordinary one. */
  function ended(journeyId: Id): void {
    forget(journeyId);
    // Stays until read: the room may be looking at the projector when it ends.
    app.toasts.show(i18n.t('live.ended'), {
      durationMs: Infinity,
      action: { label: i18n.t('live.dismiss'), run: () => undefined },
    });
  }

  function show(journeyId: Id, session: LiveSession, rec: LiveRec): void {
    const origin = window.location.origin;
    app.live.setState((s) => ({
      journeys: {
        ...s.journeys,
        [journeyId]: {
          role: rec.role,
          access: rec.role !== 'guest' ? 'edit' : session.access,
          status: session.status,
          participants: [],
          editing: [],
          leading: false,
          leader: null,
          followOff: false,
          waiting: 0,
          offlineLosses: [],
          editLink: rec.editSecret ? liveLink(origin, rec.roomId, rec.editSecret) : undefined,
          viewLink: rec.viewSecret ? liveLink(origin, rec.roomId, rec.viewSecret) : undefined,
        },
      },
    }));
    watch(journeyId, session);
    const early = earlyRoles.get(session);
    earlyRoles.delete(session);
    if (early) roleEvent(session, early);
  }

  /** Role changes that came before their session was kept (a refused secret, on resume). */
  const earlyRoles = new Map<LiveSession, RoleEvent>();

  /** The journey a session is kept for, and its entry (none while it is joining or let go). */
  const entryOf = (session: LiveSession): [Id, Entry] | undefined =>
    [...entries].find(([, entry]) => entry.session === session);

  function roleEvent(session: LiveSession, event: RoleEvent): void {
    const found = entryOf(session);
    if (!found) return void earlyRoles.set(session, event);
    const [journeyId, entry] = found;
    applyRole(event, {
      rec: entry.rec,
      participants: app.live.getState().journeys[journeyId]?.participants ?? [],
      origin: window.location.origin,
      save: (rec, change) => {
        entry.rec = rec;
        void records().then((r) => r.put(rec));
        update(journeyId, change);
        if (!rec.leading) session.lead(false, null);
      },
      toast: (text, error) => app.toasts.show(text, error ? { tone: 'error' } : undefined),
    });
  }

  function open(roomId: string, secret: string, name: string, onRefused: () => void, fallback?: string): LiveSession {
    const session: LiveSession = new LiveSession({
      ...(fallback && fallback !== secret ? { fallbackSecret: fallback } : {}),
      store: app.workspace,
      url: wsUrl(),
      roomId,
      secret,
      name,
      color: colorFor(name),
      onRefused,
      onStorageFull: () => app.toasts.show(i18n.t('live.storageFull')),
      // A card deleted by someone else while this participant has it open: gone here too, and said.
      onRemoteDelete: (table, ids) => {
        const selected = app.editor.getState().selectedCards;
        if (table === 'cards' && ids.some((id) => selected.includes(id)))
          app.toasts.show(i18n.t('live.selectedDeleted'), { tone: 'error' });
      },
      onChangeRefused: (reason) => {
        const journeyId = entryOf(session)?.[0];
        // Later refusals of the same session are the same refusal (its later changes build on it).
        if (!journeyId) return;
        app.toasts.show(
          i18n.t(
            reason === 'full'
              ? 'live.changeRefusedFull'
              : reason === 'facilitator'
                ? 'live.changeRefusedFacilitator'
                : 'live.changeRefused',
          ),
          { tone: 'error' },
        );
        void realign(journeyId);
      },
      onRole: (event) => roleEvent(session, event),
      onProblem: (p) =>
        app.toasts.show(i18n.t(p.action === 'skipped' ? 'live.recordSkipped' : 'live.recordRepaired'), {
          tone: 'error',
        }),
      onOfflineLosses: (losses) => {
        const journeyId = entryOf(session)?.[0];
        if (journeyId) addOfflineLosses(app.live, journeyId, losses);
      },
    });
    return session;
  }

  /** A kept session's room opened again (after a reload, or made anew after a refusal). */
  function reopen(rec: LiveRec): LiveSession {
    // A role handed over while this device was away leaves it the edit link.
    const fallback = rec.role !== 'guest' ? rec.editSecret : undefined;
    return open(rec.roomId, rec.secret, rec.name, () => ended(rec.journeyId), fallback);
  }

  /**
   * After the server refused one of this participant's changes: every later change of theirs
   * builds on the refused one, so the server would refuse them all. The room's document here is
   * made anew from the server's (with a new Yjs client), and the journey takes the room's records:
   * the refused change goes, as its notice said, and what follows is heard again.
   */
  async function realign(journeyId: Id): Promise<void> {
    const entry = entries.get(journeyId);
    if (!entry) return;
    entries.delete(journeyId);
    entry.stopSaving();
    entry.session.close();
    await entry.persistence.clearData().catch(() => undefined);
    const { rec } = entry;
    const session = reopen(rec);
    await session.whenSynced();
    const received = session.received();
    if (received.journeyId === journeyId) {
      app.workspace.dispatch(addRecords(received.records), { source: 'live' });
      session.adoptReceived(journeyId, received.records);
    } else session.adopt(journeyId);
    keep(journeyId, session, rec, new IndexeddbPersistence(liveDocName(journeyId), session.doc));
    show(journeyId, session, rec);
    if (rec.role !== 'guest' && rec.leading) session.lead(true, null);
  }

  let joining: Joining | null = null;

  /** Connects to a room to join it, and reads its journey as soon as it has arrived. */
  function connectToJoin(roomId: string, secret: string): Joining {
    let refuse!: () => void;
    const refusedNow = new Promise<null>((done) => (refuse = () => done(null)));
    const session = open(roomId, secret, '', () => current.refused());
    const progressed = (progress: JoinProgress) => {
      current.progress = progress;
      for (const listener of current.listeners) listener(progress);
    };
    const current: Joining = {
      roomId,
      secret,
      session,
      progress: { step: 'connecting' },
      listeners: new Set(),
      refused: refuse,
      changedSince: 0,
      ready: Promise.race([
        session.whenSynced().then(() => {
          const received = session.received();
          current.changedSince = 0;
          session.doc.on('afterTransaction', () => (current.changedSince += 1));
          progressed({ step: 'received', cards: Object.keys(received.records.cards).length });
          return received;
        }),
        refusedNow,
      ]),
    };
    session.provider.on('authenticated', () => {
      if (current.progress.step === 'connecting') progressed({ step: 'receiving' });
    });
    return current;
  }

  /** The room being joined by this link, connected now if it is not yet. */
  function joiningRoom(roomId: string, secret: string): Joining {
    if (joining && (joining.roomId !== roomId || joining.secret !== secret)) {
      joining.session.close();
      joining = null;
    }
    return (joining ??= connectToJoin(roomId, secret));
  }

  return {
    /**
     * A link is open and the person is giving their name: the room's journey is fetched
     * meanwhile; `onProgress` hears how far. Returns a function that stops listening.
     */
    prepareJoin(roomId: string, secret: string, onProgress: (progress: JoinProgress) => void): () => void {
      const room = joiningRoom(roomId, secret);
      room.listeners.add(onProgress);
      onProgress(room.progress);
      return () => room.listeners.delete(onProgress);
    },

    /** The link is left without joining: the room is let go. */
    cancelJoin(roomId: string, secret: string): void {
      if (joining?.roomId !== roomId || joining.secret !== secret) return;
      joining.session.close();
      joining = null;
    },

    /** Makes a journey live: a new room, seeded with it; returns once the room has it. */
    async share(journeyId: Id, name: string): Promise<void> {
      const res = await fetch('/api/rooms', { method: 'POST' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const room = (await res.json()) as { roomId: string; hostSecret: string; editSecret: string; viewSecret: string };
      // The facilitator connects with a secret of their own: the links handed out cannot run the room.
      const session = open(room.roomId, room.hostSecret, name, () => forget(journeyId));
      await session.whenSynced();
      session.share(journeyId);
      // The links are handed out once the room holds the journey: one followed at once finds it.
      await session.whenConfirmed();
      const persistence = await persist(journeyId, session);
      const rec: LiveRec = {
        journeyId,
        roomId: room.roomId,
        secret: room.hostSecret,
        role: 'host',
        name,
        editSecret: room.editSecret,
        viewSecret: room.viewSecret,
        voterId: randomId(),
      };
      keep(journeyId, session, rec, persistence);
      show(journeyId, session, rec);
    },

    /**
     * Joins a room by its link's secret: its journey is added to this workspace and opened. The
     * map is shown once the journey is in the store; the room's document is kept in this browser
     * from that moment (every later change is written as it comes), its first write finishing
     * while the map is drawn.
     */
    async join(roomId: string, secret: string, name: string, onProgress?: (p: JoinProgress) => void): Promise<Id> {
      const room = joiningRoom(roomId, secret);
      joining = null;
      if (onProgress) {
        room.listeners.add(onProgress);
        onProgress(room.progress);
      }
      const got = await Promise.race([
        room.ready,
        new Promise<null>((done) => setTimeout(() => done(null), JOIN_TIMEOUT_MS)),
      ]);
      room.listeners.clear();
      const { session } = room;
      // A link's name form is shown while this workspace loads: the journey is added once it has.
      try {
        await app.start();
      } catch (err) {
        session.close();
        throw err;
      }
      // The room changed while the name was typed: what was read then is read again.
      const received = got && room.changedSince > 0 ? session.received() : got;
      const journeyId = received?.journeyId;
      if (!received || !journeyId) {
        session.close();
        throw new Error(i18n.t('live.joinFailed'));
      }
      session.introduce(name, colorFor(name));
      // Already here (the host's own link, or a rejoin): the room's copy is the one that counts.
      app.workspace.dispatch(addRecords(received.records), { source: 'live' });
      session.adoptReceived(journeyId, received.records);
      const persistence = new IndexeddbPersistence(liveDocName(journeyId), session.doc);
      const rec: LiveRec = { journeyId, roomId, secret, role: 'guest', name, voterId: randomId() };
      keep(journeyId, session, rec, persistence);
      show(journeyId, session, rec);
      room.refused = () => ended(journeyId);
      return journeyId;
    },

    /** After a reload: back into each room this browser was in, with what it kept. */
    async resume(): Promise<void> {
      for (const kept of await (await records()).all()) {
        // Kept by a version before votes: this browser's dots get their id now.
        const rec = kept.voterId ? kept : { ...kept, voterId: randomId() };
        if (entries.has(rec.journeyId)) continue;
        if (!app.workspace.getDoc().journeys[rec.journeyId]) {
          await (await records()).remove(rec.journeyId);
          continue;
        }
        await app.loadJourneys([rec.journeyId]);
        const session = reopen(rec);
        const persistence = await persist(rec.journeyId, session);
        const waiting = Number((await persistence.get(WAITING_KEY).catch(() => 0)) ?? 0);
        const offline: unknown = await persistence.get(OFFLINE_CHANGES_KEY).catch(() => null);
        session.restoreOfflineChanges(typeof offline === 'string' ? parseJson(offline) : null);
        // Applied once the kept document is open, so it is written there too.
        session.restoreUnsaved(rec.journeyId, (await app.start()).replayed);
        session.restoreWaiting(Math.max(waiting, session.waiting));
        session.adopt(rec.journeyId);
        keep(rec.journeyId, session, rec, persistence);
        show(rec.journeyId, session, rec);
        // A facilitator who was leading leads again: a reload does not drop the room's view.
        if (rec.role !== 'guest' && rec.leading) {
          session.lead(true, null);
          update(rec.journeyId, { leading: true });
        }
      }
    },

    /** The host ends the room for everyone; each keeps the journey as an ordinary one. */
    async end(journeyId: Id): Promise<void> {
      const entry = entries.get(journeyId);
      if (entry && entry.rec.role !== 'guest' && entry.rec.editSecret)
        await fetch(`/api/rooms/${encodeURIComponent(entry.rec.roomId)}/end`, {
          method: 'POST',
          body: JSON.stringify({ secret: entry.rec.secret }),
        }).catch(() => undefined);
      forget(journeyId);
    },

    /** The facilitator hands the room to a participant, or makes them a co-facilitator, or not any more. */
    changeRole(journeyId: Id, clientId: number, change: RoleChange): void {
      const entry = entries.get(journeyId);
      const { editSecret, viewSecret } = entry?.rec ?? {};
      if (!entry || entry.rec.role !== 'host' || !editSecret || !viewSecret)
        return void app.toasts.show(i18n.t('roles.refused'), { tone: 'error' });
      entry.session.requestRole({ clientId, change, editSecret, viewSecret });
    },

    leave(journeyId: Id): void {
      forget(journeyId);
    },

    select(journeyId: Id, cardId: Id | null): void {
      entries.get(journeyId)?.session.select(cardId);
    },

    /** The workshop's entries shared with the room (vote, dots, timer), while the journey is live. */
    sessionShare(journeyId: Id): SessionShare | null {
      const entry = entries.get(journeyId);
      if (!entry) return null;
      entry.share ??= entry.session.sessionShare(entry.rec.voterId ?? entry.rec.roomId, entry.rec.name);
      return entry.share;
    },

    /** The facilitator asks everyone to follow their view, or stops asking. */
    lead(journeyId: Id, on: boolean, view: MapView | null): void {
      const entry = entries.get(journeyId);
      entry?.session.lead(on, view);
      update(journeyId, { leading: on });
      if (entry && !!entry.rec.leading !== on) {
        entry.rec = { ...entry.rec, leading: on };
        const rec = entry.rec;
        void records().then((r) => r.put(rec));
      }
    },

    /** What the leader sees now, for the followers. */
    showView(journeyId: Id, view: MapView): void {
      entries.get(journeyId)?.session.showView(view);
    },

    /** This participant is typing in a text field of a card: the others see it held (a soft lock). */
    claimField(journeyId: Id, cardId: Id, field: LockField): void {
      entries.get(journeyId)?.session.claimField(cardId, field);
    },

    /** This participant has stopped typing in that field. */
    releaseField(journeyId: Id, cardId: Id, field: LockField): void {
      entries.get(journeyId)?.session.releaseField(cardId, field);
    },
  };
}

export type LiveRegistry = ReturnType<typeof createLiveRegistry>;
