import {
  HocuspocusProvider,
  WebSocketStatus,
  type HocuspocusProviderWebsocketConfiguration,
  type onCloseParameters,
} from '@hocuspocus/provider';
import * as Y from 'yjs';
import { checkRemoteRecord, type RemoteProblem } from '../domain/remote-records';
import { emptyWorkspace, TABLES, type Id, type TableName, type Workspace } from '../domain/types';
import { remoteRecords, type RemoteChanges, type WorkspaceStore } from '../store/workspace-store';
import {
  LIVE_PING,
  readUpdateRefused,
  RECONNECT_BACKOFF,
  ROOM_ENDED,
  STORAGE_FULL,
  type UpdateRefusal,
  WORKSHOP_MAP,
} from './protocol';
import type { SessionShare } from '../app/session-share';
import {
  readRoleDone,
  readRoleGrant,
  ROLE_REFUSED,
  roleRequest,
  type RoleDone,
  type RoleGrant,
  type RoleRequest,
} from './role-messages';
import {
  changesOf,
  patchesToY,
  putRecords,
  roomPatches,
  readDoc,
  seedDoc,
  tableOf,
  touchedBy,
  type Touched,
} from './y-journey';

/** How long the others' changes gather before they are applied together (about a frame). */
const REMOTE_BATCH_MS = 16;

export type { LiveStatus } from './live-state';
import { distinctColor, type LiveStatus, type MapView } from './live-state';
import { readPresence, type Presence } from './presence';
import { readEnrolled, ROLL_PREFIX, toEnrol, type Enrolled } from './roll-call';
import { noteOfflineEdit, offlineLosses, readOfflineEdits, type OfflineEdit, type OfflineLoss } from './offline-losses';
import { CLAIM_BEAT_MS, isLockField, nextSeq, type FieldClaim, type LockField } from './field-lock';
import { connectionStatus, enterPhase, watchStep, WATCH_EVERY_MS, type SocketWatch } from './connection-watch';
/** What the link's secret allows: the server says so once it has checked it. */
export type LiveAccess = 'edit' | 'view';

export interface LiveSessionOptions {
  store: WorkspaceStore;
  /** `ws(s)://host/live` */
  url: string;
  roomId: string;
  secret: string;
  /**
   * A facilitator's or co-facilitator's device: the edit link, tried once if its own secret is
   * refused (the role was handed over or taken back while this device was away).
   */
  fallbackSecret?: string;
  /**
   * The participant's name and colour, shown to the others. Empty while a link is opened and the
   * name not yet given: the room is fetched meanwhile, and no one sees this participant until
   * `introduce`.
   */
  name: string;
  color: string;
  /** Node has no WebSocket: tests hand one in. */
  WebSocketPolyfill?: unknown;
  onStatus?: (status: LiveStatus) => void;
  onProblem?: (problem: RemoteProblem) => void;
  onRefused?: (reason: string) => void;
  /** The server cannot store the room's changes (its disk is full): they stay here. */
  onStorageFull?: () => void;
  /** The server did not keep a change of this participant (it broke the journey's rules, or the room is full). */
  onChangeRefused?: (reason: UpdateRefusal) => void;
  /** Records another participant deleted, told before they go from the store. */
  onRemoteDelete?: (table: TableName, ids: Id[]) => void;
  /**
   * The server changed this participant's role (`grant`, with the secret that now runs the room
   * from here), made a change this participant asked for (`done`), or refused one.
   */
  onRole?: (event: { grant: RoleGrant } | { done: RoleDone } | { refused: true }) => void;
  /** Back in the room: text fields written here offline whose text the merge did not keep. */
  onOfflineLosses?: (losses: OfflineLoss[]) => void;
}

/** A participant as this screen sees them: what they tell (checked), and when their claim last changed here. */
export interface Participant extends Presence {
  clientId: number;
  /** When this screen last saw `editing` change (its own clock), to drop a claim gone silent. */
  editingSeen: number;
}

/** The records of one journey (with its persona) in a workspace: what a live room holds. */
export function journeyRecords(ws: Workspace, journeyId: Id): Workspace {
  const out = emptyWorkspace();
  const journey = ws.journeys[journeyId];
  if (!journey) return out;
  out.journeys[journeyId] = journey;
  if (journey.personaId && ws.personas[journey.personaId])
    out.personas[journey.personaId] = ws.personas[journey.personaId]!;
  for (const table of ['stages', 'lanes', 'cards', 'connections'] as const)
    for (const rec of Object.values(ws[table]))
      if (rec.journeyId === journeyId) (out[table] as Record<Id, unknown>)[rec.id] = rec;
  return out;
}

/**
 * One journey shared live: a Yjs document bound both ways to the workspace store, and a
 * Hocuspocus provider carrying it. Local commands go in as one Y transaction each (this session's
 * origin); undo and redo are the store's own history of this person's steps, which reach the
 * room as any local change does; the others' transactions come back as whole records, checked against the journey's
 * rules, through the store's `applyRemote` (as another tab's commit, but stored here, since no
 * one else stores them in this browser). A record that
 * breaks the rules is repaired or skipped, and `onProblem` says so.
 */
const BOOKKEEPING = new Set(['updatedAt', 'createdAt']);

export class LiveSession {
  readonly doc = new Y.Doc();
  readonly provider: HocuspocusProvider;
  private readonly origin = {};
  private journeyId: Id | null = null;
  private unbind: (() => void) | null = null;
  status: LiveStatus = 'connecting';
  access: LiveAccess | null = null;
  private synced!: Promise<void>;

  constructor(private readonly options: LiveSessionOptions) {
    this.secret = options.secret;
    let markSynced!: () => void;
    this.synced = new Promise((r) => (markSynced = r));
    // The provider hands these to the socket it makes (its own type names only the url).
    const socket = {
      url: options.url,
      WebSocketPolyfill: options.WebSocketPolyfill,
      ...RECONNECT_BACKOFF,
    } satisfies HocuspocusProviderWebsocketConfiguration as { url: string };
    this.provider = new HocuspocusProvider({
      ...socket,
      name: options.roomId,
      document: this.doc,
      // Asked at each connection: a role handed over changes the secret this device connects with.
      token: () => this.secret,
      onSynced: () => {
        // The room now has what was kept from before a reload.
        this.restoredWaiting = 0;
        this.synced_ = true;
        markSynced();
      },
      onAuthenticated: ({ scope }) => (this.access = scope === 'readonly' ? 'view' : 'edit'),
      onAuthenticationFailed: ({ reason }) => {
        const fallback = options.fallbackSecret;
        if (!fallback || this.secret === fallback) return options.onRefused?.(reason);
        // The server closes a refused socket; the provider reconnects, asking for the token anew.
        this.secret = fallback;
        options.onRole?.({ grant: { role: 'edit', editSecret: fallback } });
      },
      // Only the server sends stateless messages (it passes on none from clients). The host ended
      // the room: the same as being refused.
      onStateless: ({ payload }) => {
        if (payload === ROOM_ENDED) options.onRefused?.('ended');
        else if (payload === STORAGE_FULL) options.onStorageFull?.();
        else if (payload === ROLE_REFUSED) options.onRole?.({ refused: true });
        else {
          const grant = readRoleGrant(payload);
          const done = grant ? null : readRoleDone(payload);
          if (grant) {
            if (grant.secret) this.secret = grant.secret;
            else if (grant.role === 'edit') this.secret = grant.editSecret;
            // The others see the new role once this presence is sent again (the server stamps it).
            this.announce();
            options.onRole?.({ grant });
          } else if (done) options.onRole?.({ done });

          const refused = readUpdateRefused(payload);
          if (refused) options.onChangeRefused?.(refused);
        }
      },
    });
    this.doc.on('afterTransaction', (tr: Y.Transaction) => this.noteUnconfirmed(tr));
    this.provider.on('unsyncedChanges', () => {
      if (this.provider.unsyncedChanges === 0) this.unconfirmed.clear();
    });
    if (options.name) this.introduce(options.name, options.color);
    // Someone here already has this colour: take one no one has.
    this.provider.awareness?.on('change', () => {
      const own = this.provider.awareness?.clientID;
      const everyone = this.participants();
      const me = everyone.find((p) => p.clientId === own);
      if (!me) return;
      const color = distinctColor(
        me,
        everyone.filter((p) => p.clientId !== own),
      );
      if (color !== me.color) this.tell({ color });
    });
    // A lost connection made the server and the others drop this participant's state, and they
    // take it back only with a newer clock: told again once back (a field held, too).
    this.provider.on('synced', () => {
      this.announce();
      this.enrolPresent();
      this.tellOfflineLosses();
    });
    tableOf(this.doc, 'cards').observeDeep((events, tr) => this.noteOfflineEdits(events, tr));
    this.provider.awareness?.on('change', () => this.enrolPresent());
    this.stopWatchingNetwork = this.watchConnection();
  }

  /**
   * Keeps `status` true to the network within about two seconds (see `connection-watch.ts`): the
   * server is asked every second whether it is there, a socket silent or unopened for two seconds
   * is given up and made anew, the browser's `offline` closes it at once and its `online` connects
   * at once (whatever the retries had reached).
   */
  private watchConnection(): () => void {
    const socket = this.provider.configuration.websocketProvider;
    const phaseOf = (status: WebSocketStatus): SocketWatch['phase'] =>
      status === WebSocketStatus.Connected ? 'open' : status === WebSocketStatus.Connecting ? 'opening' : 'closed';
    const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
    const tell = () => {
      const status = connectionStatus(this.watch, online());
      if (status === this.status) return;
      this.status = status;
      this.options.onStatus?.(status);
      for (const listener of this.statusListeners) listener();
    };
    this.watch = enterPhase(this.watch, phaseOf(socket.status), Date.now());
    const onSocketStatus = ({ status }: { status: WebSocketStatus }) => {
      this.watch = enterPhase(this.watch, phaseOf(status), Date.now());
      tell();
    };
    const onMessage = () => {
      if (this.watch.phase !== 'open') return;
      this.watch = { ...this.watch, heard: Date.now() };
      tell();
    };
    // The socket is dropped without waiting for a closing handshake that a dead network never
    // completes (as the provider's own check does), and the room provider is told as a socket's
    // close event tells it: it is no longer synced (so it syncs again, and says so, once back) and
    // the others' presence goes.
    const drop = () => {
      socket.onClose({ event: { code: 4408, reason: 'no answer' } } as onCloseParameters);
      this.provider.onClose();
    };
    const timer = setInterval(() => {
      const now = Date.now();
      const action = watchStep(this.watch, now);
      if (action === 'drop') drop();
      else if (action === 'ping') {
        this.watch = { ...this.watch, pinged: now };
        if (socket.webSocket?.readyState === 1) this.provider.sendStateless(LIVE_PING);
      }
    }, WATCH_EVERY_MS);
    socket.on('status', onSocketStatus);
    socket.on('message', onMessage);
    const stop = () => {
      clearInterval(timer);
      socket.off('status', onSocketStatus);
      socket.off('message', onMessage);
    };
    if (typeof window === 'undefined') return stop;
    const offline = () => {
      socket.disconnect();
      if (socket.status !== WebSocketStatus.Disconnected) drop();
      tell();
    };
    // A new connection at once, whatever the retries had come to (their next try could be a
    // second away, or a socket made while offline could still be hanging).
    const backOnline = () => {
      tell();
      if (socket.status !== WebSocketStatus.Connected) void socket.connect();
    };
    window.addEventListener('offline', offline);
    window.addEventListener('online', backOnline);
    return () => {
      stop();
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', backOnline);
    };
  }

  private watch: SocketWatch = { phase: 'closed', since: 0, heard: 0, pinged: 0 };
  private readonly statusListeners = new Set<() => void>();

  /** Calls `listener` whenever `status` changes; returns the way to stop. */
  onStatusChange(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private stopWatchingNetwork: (() => void) | null = null;
  /** The secret this device connects with: the link's, or the one a role was handed with. */
  private secret: string;

  /** Sends this participant's presence again (the server stamps it with their role as it is now). */
  private announce(): void {
    const state = this.provider.awareness?.getLocalState();
    if (state) this.provider.awareness?.setLocalState({ ...state });
  }

  /** The facilitator asks the server to change a participant's role (it answers through `onRole`). */
  requestRole(request: RoleRequest): void {
    this.provider.sendStateless(roleRequest(request));
  }

  /** Shows this participant to the others, by name (see `name` in the options). */
  introduce(name: string, color: string): void {
    this.provider.setAwarenessField('user', {
      name,
      color,
      selected: null,
      leading: false,
      view: null,
      editing: null,
      // The server writes each participant's role here for the others to see.
      role: null,
    } satisfies Presence);
  }
  /** Resolves once the room's document has arrived from the server. */
  whenSynced(): Promise<void> {
    return this.synced;
  }

  /** Resolves once the server has confirmed every change made here: the room holds them. */
  whenConfirmed(): Promise<void> {
    return new Promise((done) => {
      const check = () => {
        if (this.provider.unsyncedChanges > 0) return;
        this.provider.off('unsyncedChanges', check);
        done();
      };
      this.provider.on('unsyncedChanges', check);
      check();
    });
  }

  /** The host: puts the journey into the (new, empty) room, then keeps both in step. */
  share(journeyId: Id): void {
    seedDoc(this.doc, journeyRecords(this.options.store.getDoc(), journeyId), this.origin);
    this.bind(journeyId);
  }

  /**
   * A participant, once synced: the room's journey as records, checked, for the caller to add to
   * its workspace (`adopt` then keeps them in step).
   */
  received(): { records: Workspace; journeyId: Id | null; problems: RemoteProblem[] } {
    const raw = readDoc(this.doc);
    const records = emptyWorkspace();
    const problems: RemoteProblem[] = [];
    // Tables in order, so each record is checked against those it points at.
    for (const table of TABLES) {
      for (const rec of Object.values(raw[table] as unknown as Record<Id, Record<string, unknown>>)) {
        const { record, problem } = checkRemoteRecord(table, rec, records);
        if (problem) problems.push(problem);
        if (record) (records[table] as Record<Id, unknown>)[record.id as Id] = record;
      }
    }
    return { records, journeyId: Object.keys(records.journeys)[0] ?? null, problems };
  }

  /**
   * Keeps the store's copy of the journey and the room in step from now on. What the document
   * already holds (the room's changes that came before, or a state kept from before a reload) is
   * put into the store first.
   */
  adopt(journeyId: Id): void {
    const { store } = this.options;
    const inDoc = readDoc(this.doc);
    const inStore = journeyRecords(store.getDoc(), journeyId);
    const changes: RemoteChanges = { puts: {}, deletes: {} };
    for (const table of TABLES) {
      const recs = Object.values(inDoc[table] as unknown as Record<Id, Record<string, unknown>>);
      if (recs.length) changes.puts[table] = recs;
      const gone = Object.keys(inStore[table]).filter((id) => !(id in inDoc[table]));
      if (gone.length && table !== 'personas') changes.deletes[table] = gone;
    }
    if (Object.keys(inDoc.journeys).length > 0)
      store.dispatch(remoteRecords(this.checked(changes)), { source: 'live' });
    this.bind(journeyId);
  }

  /**
   * A participant who has just put the room's journey (`received().records`, as the document is
   * now) into the store: the records of that journey the room does not have go (a rejoin), and
   * both are kept in step from now on. The same as `adopt`, without reading and checking the
   * whole document a second time.
   */
  adoptReceived(journeyId: Id, received: Workspace): void {
    const { store } = this.options;
    const inStore = journeyRecords(store.getDoc(), journeyId);
    const changes: RemoteChanges = { puts: {}, deletes: {} };
    for (const table of TABLES) {
      const gone = Object.keys(inStore[table]).filter((id) => !(id in received[table]));
      if (gone.length && table !== 'personas') changes.deletes[table] = gone;
    }
    if (Object.keys(changes.deletes).length > 0) store.dispatch(remoteRecords(changes), { source: 'live' });
    this.bind(journeyId);
  }

  /**
   * After a reload: records the last page changed and could not store before it went (its unload
   * journal, replayed by storage at the start) may be newer than the room's document kept in this
   * browser, whose own write may have been cut short too. They go into the document as this
   * participant's changes, so the room gets them and `adopt` does not put older values back.
   * The stored records are the truth on reload; the kept document is what merges with the room.
   */
  restoreUnsaved(journeyId: Id, changed: Touched): void {
    if (changed.size > 0) putRecords(this.doc, this.options.store.getDoc(), changed, journeyId, this.origin);
  }

  /**
   * After a reload: the changes made here that the server had not confirmed (their number, as
   * kept) count as waiting until the room has synced with them.
   */
  restoreWaiting(waiting: number): void {
    if (!this.synced_) this.restoredWaiting = Number.isFinite(waiting) ? Math.max(0, waiting) : 0;
  }

  /** Text fields of cards written here while offline, until the room has merged them. */
  private readonly offlineEdits = new Map<string, OfflineEdit>();
  /** Who each document client id of this room is, as their presence said: who wrote what. */
  private readonly namesByClient = new Map<number, string>();

  private noteOfflineEdits(events: Y.YEvent<Y.AbstractType<unknown>>[], tr: Y.Transaction): void {
    if (tr.origin !== this.origin || this.status === 'connected') return;
    const cards = tableOf(this.doc, 'cards');
    for (const event of events) {
      const card = event.target;
      const cardId = card._item?.parentSub;
      if (card.parent !== cards || !(card instanceof Y.Map) || typeof cardId !== 'string') continue;
      for (const [field, change] of event.changes.keys) {
        if (!isLockField(field)) continue;
        const before: unknown = change.oldValue;
        const text: unknown = card.get(field);
        noteOfflineEdit(
          this.offlineEdits,
          cardId,
          field,
          typeof before === 'string' ? before : '',
          typeof text === 'string' ? text : '',
        );
      }
    }
  }

  /** The offline changes not merged yet, to keep across a reload. */
  get offlineChanges(): OfflineEdit[] {
    return [...this.offlineEdits.values()];
  }

  /** After a reload: the offline changes the last page had not seen merged (kept by `offlineChanges`). */
  restoreOfflineChanges(kept: unknown): void {
    for (const e of readOfflineEdits(kept))
      if (!this.offlineEdits.has(`${e.cardId}\u0000${e.field}`))
        noteOfflineEdit(this.offlineEdits, e.cardId, e.field, e.before, e.text);
  }

  /** Once synced again: the offline changes the merge did not keep are told, then forgotten. */
  private tellOfflineLosses(): void {
    if (this.offlineEdits.size === 0) return;
    const cards = tableOf(this.doc, 'cards');
    this.participants();
    const losses = offlineLosses(
      this.offlineEdits.values(),
      (cardId) => {
        const card = cards.get(cardId);
        const title: unknown = card?.get('title');
        return card ? { ...card.toJSON(), title: typeof title === 'string' ? title : '' } : undefined;
      },
      (cardId, field) => {
        const writer = cards.get(cardId)?._map.get(field)?.id.client;
        return writer === undefined ? null : (this.namesByClient.get(writer) ?? null);
      },
    );
    this.offlineEdits.clear();
    if (losses.length) this.options.onOfflineLosses?.(losses);
  }

  private restoredWaiting = 0;
  private synced_ = false;
  /**
   * The records and fields changed here that the server has not confirmed yet: what "N changes
   * waiting" counts (ten keystrokes in one title are one change, not ten).
   */
  private readonly unconfirmed = new Set<string>();

  /** Notes what a transaction made here changed, record by record and field by field. */
  private noteUnconfirmed(tr: Y.Transaction): void {
    if (tr.origin !== this.origin && tr.origin !== this.shareOrigin) return;
    for (const [type, keys] of tr.changed) {
      const item = type._item;
      for (const key of keys) {
        // A journey's "last changed" moves with every edit: bookkeeping, not a change of its own.
        if (key === null || (item && BOOKKEEPING.has(key))) continue;
        // A root map's entry is a whole record (or a workshop entry); a record's entry, one field.
        this.unconfirmed.add(item && typeof item.parentSub === 'string' ? `${item.parentSub}\u0000${key}` : key);
      }
    }
  }

  private bind(journeyId: Id): void {
    this.journeyId = journeyId;
    const { store } = this.options;
    const offChange = store.onChange((_changed, source, patches) => {
      if (source !== 'local') return;
      const after = store.getDoc();
      const mine = roomPatches(patches, journeyId, after, this.doc);
      if (mine.length) patchesToY(this.doc, mine, after, this.origin);
    });
    // The others' changes are applied a frame's time after they arrive, all that came meanwhile at
    // once: coming back online brings hundreds of updates, each its own message, and one store
    // update (one render, one write) for each made a merge of 500 changes take seconds.
    let touched: Touched = new Map();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const changes = changesOf(this.doc, touched);
      touched = new Map();
      // A persona may be used by other journeys here: the room never deletes it from this workspace.
      delete changes.deletes.personas;
      for (const table of TABLES) {
        const ids = changes.deletes[table];
        if (ids?.length) this.options.onRemoteDelete?.(table, ids);
      }
      store.dispatch(remoteRecords(this.checked(changes)), { source: 'live' });
    };
    const onTransaction = (tr: Y.Transaction) => {
      if (tr.origin === this.origin) return;
      touchedBy(this.doc, tr, touched);
      timer ??= setTimeout(flush, REMOTE_BATCH_MS);
    };
    this.doc.on('afterTransaction', onTransaction);
    this.unbind = () => {
      // Leaving keeps what arrived last: the others' changes still waiting for their frame go in now.
      if (timer !== null) {
        clearTimeout(timer);
        flush();
      }
      offChange();
      this.doc.off('afterTransaction', onTransaction);
    };
  }

  /** Another participant's records, checked against the journey as it will be with them. */
  private checked(changes: RemoteChanges): RemoteChanges {
    const ws = { ...this.options.store.getDoc() };
    const out: RemoteChanges = { puts: {}, deletes: changes.deletes };
    for (const table of TABLES) {
      const recs = changes.puts[table];
      if (!recs?.length) continue;
      // Seen first by the later checks: a card may arrive with its new stage.
      ws[table] = { ...ws[table] } as never;
      for (const rec of recs) (ws[table] as Record<Id, unknown>)[rec.id as Id] = rec;
    }
    for (const table of TABLES) {
      for (const rec of changes.puts[table] ?? []) {
        const { record, problem } = checkRemoteRecord(table as TableName, rec, ws);
        if (problem) this.options.onProblem?.(problem);
        if (record) (out.puts[table] ??= []).push(record);
      }
    }
    return out;
  }

  private tell(change: Partial<Presence>): void {
    const user = this.provider.awareness?.getLocalState()?.user as Presence | undefined;
    if (user) this.provider.setAwarenessField('user', { ...user, ...change });
  }

  /** The largest claim number seen in this room (see `FieldClaim.seq`). */
  private largestSeq = 0;
  /** Each participant's claim as last seen, and when (this screen's clock). */
  private readonly claimsSeen = new Map<number, { key: string; at: number }>();
  private lastBeat = 0;

  /**
   * Claims a text field of a card (on focus or typing), telling the others that this participant
   * is typing in it; the same field again refreshes the claim, at most once per `CLAIM_BEAT_MS`.
   */
  claimField(cardId: Id, field: LockField): void {
    const user = this.provider.awareness?.getLocalState()?.user as Presence | undefined;
    const current = user?.editing ?? null;
    const now = Date.now();
    if (current && current.cardId === cardId && current.field === field) {
      if (now - this.lastBeat < CLAIM_BEAT_MS) return;
      this.lastBeat = now;
      this.tell({ editing: { ...current, beat: current.beat + 1 } });
      return;
    }
    this.participants();
    const seq = nextSeq(this.largestSeq);
    this.largestSeq = seq;
    this.lastBeat = now;
    this.tell({ editing: { cardId, field, seq, beat: 0 } satisfies FieldClaim });
  }

  /** Lets go of a field this participant claimed (blur, Escape, idle, closing `Card details`). */
  releaseField(cardId: Id, field: LockField): void {
    const user = this.provider.awareness?.getLocalState()?.user as Presence | undefined;
    const current = user?.editing;
    if (current && current.cardId === cardId && current.field === field) this.tell({ editing: null });
  }

  /** Tells the others which card this participant has selected. */
  select(cardId: Id | null): void {
    this.tell({ selected: cardId });
  }

  /** Asks the others to follow this participant's view (or stops asking). */
  lead(on: boolean, view: MapView | null): void {
    this.tell({ leading: on, view: on ? view : null });
  }

  /** The part of the map this participant sees, for those who follow it. */
  showView(view: MapView): void {
    this.tell({ view });
  }

  /**
   * Everyone in the room, this participant too. Their states come from any peer: each is read
   * through `readPresence`, which keeps only well-formed, bounded parts.
   */
  participants(): Participant[] {
    const states = this.provider.awareness?.getStates() ?? new Map<number, Record<string, unknown>>();
    const now = Date.now();
    for (const clientId of this.claimsSeen.keys()) if (!states.has(clientId)) this.claimsSeen.delete(clientId);
    return [...states.entries()].flatMap(([clientId, state]) => {
      const user = readPresence((state as { user?: unknown }).user);
      if (!user) return [];
      const claim = user.editing;
      const key = claim ? `${claim.cardId}\u0000${claim.field}\u0000${claim.seq}\u0000${claim.beat}` : '';
      let seen = this.claimsSeen.get(clientId);
      if (!seen || seen.key !== key) this.claimsSeen.set(clientId, (seen = { key, at: now }));
      if (claim && claim.seq > this.largestSeq) this.largestSeq = claim.seq;
      this.namesByClient.set(clientId, user.name);
      return [{ ...user, clientId, editingSeen: seen.at }];
    });
  }

  /**
   * The workshop's shared entries (vote, dots, timer): a map of the room's document beside the
   * journey's tables, so it is neither in anyone's history nor in the journey's records.
   */
  sessionShare(voterId: string, name: string): SessionShare {
    const map = this.doc.getMap<unknown>(WORKSHOP_MAP);
    return {
      solo: false,
      read: (key) => map.get(key),
      entries: (prefix) => [...map.entries()].filter(([key]) => key.startsWith(prefix)),
      write: (changes) =>
        this.doc.transact(() => {
          for (const [key, value] of Object.entries(changes)) {
            if (value === undefined) map.delete(key);
            else map.set(key, value);
          }
        }, this.shareOrigin),
      subscribe: (listener) => {
        const observer = () => listener();
        map.observe(observer);
        return () => map.unobserve(observer);
      },
      voter: () => {
        const user = this.provider.awareness?.getLocalState()?.user as Participant | undefined;
        return { id: voterId, name, color: user?.color ?? this.options.color };
      },
    };
  }

  private readonly shareOrigin = {};
  /** The roll's entries are bookkeeping, not this participant's changes: "N changes waiting" leaves them out. */
  private readonly rollOrigin = {};

  /** Everyone on the room's roll (see `roll-call.ts`). */
  roll(): Enrolled[] {
    const out: Enrolled[] = [];
    for (const [key, value] of this.doc.getMap<unknown>(WORKSHOP_MAP).entries()) {
      const person = key.startsWith(ROLL_PREFIX) ? readEnrolled(key, value) : null;
      if (person) out.push(person);
    }
    return out;
  }

  /** Calls `listener` whenever the room's roll changes; returns the way to stop. */
  onRollChange(listener: () => void): () => void {
    const map = this.doc.getMap<unknown>(WORKSHOP_MAP);
    const observer = (event: Y.YMapEvent<unknown>) => {
      for (const key of event.keysChanged) if (key.startsWith(ROLL_PREFIX)) return listener();
    };
    map.observe(observer);
    return () => map.unobserve(observer);
  }

  /** Adds those present whom the roll lacks, once in the room with the right to write. */
  private enrolPresent(): void {
    if (!this.synced_ || this.access !== 'edit' || this.status !== 'connected') return;
    const entries = toEnrol(this.participants(), this.roll());
    const keys = Object.keys(entries);
    if (keys.length === 0) return;
    const map = this.doc.getMap<unknown>(WORKSHOP_MAP);
    this.doc.transact(() => {
      for (const key of keys) map.set(key, entries[key]);
    }, this.rollOrigin);
  }

  get sharedJourney(): Id | null {
    return this.journeyId;
  }

  /** Changes made here that the server has not confirmed yet. */
  get waiting(): number {
    const mine = this.provider.unsyncedChanges > 0 ? Math.max(1, this.unconfirmed.size) : 0;
    return mine + this.restoredWaiting;
  }

  close(): void {
    this.stopWatchingNetwork?.();
    this.unbind?.();
    this.provider.destroy();
    this.doc.destroy();
  }
}
