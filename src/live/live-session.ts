import { HocuspocusProvider, type HocuspocusProviderWebsocketConfiguration } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { checkRemoteRecord, type RemoteProblem } from '../domain/remote-records';
import { emptyWorkspace, TABLES, type Id, type TableName, type Workspace } from '../domain/types';
import { remoteRecords, type RemoteChanges, type WorkspaceStore } from '../store/workspace-store';
import {
  readUpdateRefused,
  RECONNECT_BACKOFF,
  ROOM_ENDED,
  STORAGE_FULL,
  type UpdateRefusal,
  WORKSHOP_MAP,
} from './protocol';
import type { SessionShare } from '../app/session-share';
import { changesOf, patchesToY, putRecords, roomPatches, readDoc, seedDoc, touchedBy, type Touched } from './y-journey';

/** How long the others' changes gather before they are applied together (about a frame). */
const REMOTE_BATCH_MS = 16;

export type { LiveStatus } from './live-state';
import { distinctColor, type LiveStatus, type MapView } from './live-state';
import { readPresence, type Presence } from './presence';
import { CLAIM_BEAT_MS, nextSeq, type FieldClaim, type LockField } from './field-lock';
/** What the link's secret allows: the server says so once it has checked it. */
export type LiveAccess = 'edit' | 'view';

export interface LiveSessionOptions {
  store: WorkspaceStore;
  /** `ws(s)://host/live` */
  url: string;
  roomId: string;
  secret: string;
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
      token: options.secret,
      onSynced: () => {
        // The room now has what was kept from before a reload.
        this.restoredWaiting = 0;
        this.synced_ = true;
        markSynced();
      },
      onAuthenticated: ({ scope }) => (this.access = scope === 'readonly' ? 'view' : 'edit'),
      onAuthenticationFailed: ({ reason }) => options.onRefused?.(reason),
      // Only the server sends stateless messages (it passes on none from clients). The host ended
      // the room: the same as being refused.
      onStateless: ({ payload }) => {
        if (payload === ROOM_ENDED) options.onRefused?.('ended');
        else if (payload === STORAGE_FULL) options.onStorageFull?.();
        else {
          const refused = readUpdateRefused(payload);
          if (refused) options.onChangeRefused?.(refused);
        }
      },
      onStatus: ({ status }) => {
        this.status = status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
        options.onStatus?.(this.status);
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
      const state = this.provider.awareness?.getLocalState();
      if (state) this.provider.awareness?.setLocalState({ ...state });
    });
    // The browser knows first that the network is gone (a socket can look open for a minute):
    // say "offline" at once, and reconnect as soon as it is back.
    if (typeof window !== 'undefined') {
      const offline = () => void this.provider.disconnect();
      const online = () => void this.provider.connect();
      window.addEventListener('offline', offline);
      window.addEventListener('online', online);
      this.stopWatchingNetwork = () => {
        window.removeEventListener('offline', offline);
        window.removeEventListener('online', online);
      };
    }
  }

  private stopWatchingNetwork: (() => void) | null = null;

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
