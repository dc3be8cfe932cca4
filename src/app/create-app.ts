import { createDropIndicator, type DropIndicatorStore } from '../canvas/drop-indicator-store';
import { randomId } from '../domain/ids';
import { parseHash } from './router';
import { createLiveState, type LiveStateStore } from '../live/live-state';
import type { LiveRegistry } from '../live/live-registry';
import type { Id, Workspace } from '../domain/types';
import { createEditorState, type CardClipboard, type EditorStore } from '../features/editor/editor-state';
import { createWorkshopState, type WorkshopStore } from '../features/workshop/workshop-state';
import { createVoteStore, type VoteStore } from '../features/workshop/vote-store';
import { createTemplateStore, type TemplateStore } from '../features/templates/template-state';
import type { SessionShare } from './session-share';
import { startPersistence, type Persistence, type PersistenceOptions } from '../storage/persistence';
import { createStatusStore, type StatusStore } from '../storage/status';
import { createWorkspaceStore, type WorkspaceStore } from '../store/workspace-store';
import { createConfirms, type Confirms } from '../ui/confirm';
import { createToasts, type Toasts } from '../ui/toast-store';
import { createPreferences, type PreferencesStore } from './preferences-store';
import { browserStorage } from './preferences';

/**
 * Everything one open workspace needs, made together and handed down by AppProvider (as tldraw
 * hands down its Editor): the document store, the editor session, the workshop, storage status,
 * the page's messages and confirmations. Nothing of it is a module singleton, so a test, or a
 * second document, makes its own.
 */
export interface App {
  workspace: WorkspaceStore;
  editor: EditorStore;
  workshop: WorkshopStore;
  /** The user's saved templates, once read. */
  templates: TemplateStore;
  /** The vote of the journey on screen, as the map draws it. */
  votes: VoteStore;
  /**
   * What each journey's workshop shares with the room when it is not live, made when first needed
   * (see useSessionShare), and where it is kept (none: it lasts as long as the page).
   */
  localShares: Map<Id, SessionShare>;
  localShareStorage: Storage | null;
  status: StatusStore;
  toasts: Toasts;
  confirms: Confirms;
  drop: DropIndicatorStore;
  clipboard: CardClipboard;
  /** Which journeys are live in this tab, and how (small; the sessions load on first use). */
  live: LiveStateStore;
  /** This browser's interface language and theme. */
  preferences: PreferencesStore;
  /** This tab's live sessions, loaded the first time one is needed. */
  liveSessions(): Promise<LiveRegistry>;
  /** After a start: back into the live sessions this browser was in (none: nothing is loaded). */
  resumeLive(): Promise<void>;
  /** Opens storage and loads the workspace, once; later calls return the same start. */
  start(): Promise<Persistence>;
  /** Commits every pending change now. */
  flush(): Promise<void>;
  /** Reads the parts of journeys not in memory yet: before they are opened, compared or exported. */
  loadJourneys(journeyIds: readonly Id[]): Promise<void>;
  /** Reads journeys' parts as stored, without putting them in memory. */
  readJourneys(journeyIds: readonly Id[], between?: () => void): Promise<Workspace>;
}

export interface AppOptions {
  /** Storage options (a test's database); the demo is the seed unless one is given. */
  persistence?: Partial<Omit<PersistenceOptions, 'store' | 'status'>>;
  /** Keep the workshop in sessionStorage across reloads (the app does; tests need not). */
  persistWorkshop?: boolean;
  /** Where the language and theme are kept (the app: localStorage) and the browser's languages. */
  preferences?: { storage: Storage | null; languages: readonly string[] };
}

/** The demo is only needed on a first launch, so it is its own chunk. */
async function loadDemo(): Promise<Workspace> {
  const [{ default: demo }, { parseJourneyFile }, { recordsOf }] = await Promise.all([
    import('../demo/demo.journey.json'),
    import('../domain/format/parse'),
    import('../storage/seed-records'),
  ]);
  const parsed = parseJourneyFile(JSON.stringify(demo));
  if (!parsed.ok) throw new Error(`demo workspace is invalid: ${JSON.stringify(parsed.issues)}`);
  return recordsOf(parsed.doc, { now: Date.now(), newId: randomId }, { fresh: true });
}

/** The journeys the page's address opens (a journey, or those compared). */
function journeysInAddress(): string[] {
  if (typeof window === 'undefined') return [];
  const route = parseHash(window.location.hash);
  return route.name === 'journey' ? [route.id] : route.name === 'compare' ? route.journeyIds : [];
}

export function createApp(options: AppOptions = {}): App {
  const live = createLiveState();
  // A journey joined by a view link is read-only here too, whichever screen a change comes from
  // (the server refuses its changes anyway).
  const workspace = createWorkspaceStore({ canChange: (id) => live.getState().journeys[id]?.access !== 'view' });
  let registry: Promise<LiveRegistry> | null = null;
  const status = createStatusStore();
  let started: Promise<Persistence> | null = null;
  const start = () =>
    (started ??= startPersistence({
      loadSeed: loadDemo,
      preload: journeysInAddress,
      ...options.persistence,
      store: workspace,
      status,
    }));
  const app: App = {
    workspace,
    editor: createEditorState(),
    workshop: createWorkshopState({ persist: options.persistWorkshop ?? false }),
    votes: createVoteStore(),
    templates: createTemplateStore(),
    localShares: new Map(),
    localShareStorage: options.persistWorkshop && typeof localStorage !== 'undefined' ? localStorage : null,
    status,
    toasts: createToasts(),
    confirms: createConfirms(),
    drop: createDropIndicator(),
    clipboard: { items: [] },
    preferences: createPreferences(
      options.preferences?.storage ?? (options.persistWorkshop ? browserStorage() : null),
      options.preferences?.languages ?? (typeof navigator === 'undefined' ? [] : navigator.languages),
    ),
    live,
    liveSessions: () =>
      (registry ??= import('../live/live-registry').then(({ createLiveRegistry }) => createLiveRegistry(app))),
    resumeLive: async () => {
      const persistence = await start();
      if ((await persistence.liveRecords.all()).length > 0) await (await app.liveSessions()).resume();
    },
    start,
    flush: async () => (await start()).flush(),
    loadJourneys: async (ids) => (await start()).loadJourneys(ids),
    readJourneys: async (ids, between) => (await start()).readJourneys(ids, between),
  };
  return app;
}
