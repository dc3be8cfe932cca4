import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmHost } from '../ui/ConfirmHost';
import { Toaster } from '../ui/Toaster';
import { JourneysScreen } from '../features/journeys/JourneysScreen';
import { useRoute } from './router';
import { useApp, useStorageStatus } from './app-context';
import { useSlimHead } from '../features/editor/use-slim';
import { lazyScreen } from './lazy-screen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import { OpenFailedScreen, StorageAlert } from './StorageAlert';

const { Screen: EditorScreen, preload: preloadEditor } = lazyScreen(() => import('../features/editor/EditorScreen'));
const { Screen: PersonasScreen } = lazyScreen(() => import('../features/personas/PersonasScreen'));
const { Screen: CompareScreen, preload: preloadCompare } = lazyScreen(
  () => import('../features/compare/CompareScreen'),
);
// Opening the app on a screen's address: fetch its code while the workspace loads, not after.
if (window.location.hash.startsWith('#/journey/')) void preloadEditor().catch(() => undefined);
if (window.location.hash.startsWith('#/compare')) void preloadCompare().catch(() => undefined);
const { Screen: PlanScreen, preload: preloadPlan } = lazyScreen(() => import('../features/plan/PlanScreen'));
if (window.location.hash.startsWith('#/plan')) void preloadPlan().catch(() => undefined);
const { Screen: JoinLiveScreen, preload: preloadJoin } = lazyScreen(() => import('../features/live/JoinLiveScreen'));
// A live link: its screen, the sessions' code (Yjs) that fetches the room while the name is typed,
// and the editor it opens once joined.
if (window.location.hash.startsWith('#/live/'))
  for (const preload of [preloadJoin, () => import('../live/live-registry'), preloadEditor])
    void preload().catch(() => undefined);
const SettingsDialog = lazy(() => import('../features/settings/SettingsDialog'));

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const phase = useStorageStatus((s) => s.phase);
  const [settingsOpen, setSettingsOpen] = useState(false);
  // A workshop's projector and a tablet get the map: the app's own bar steps aside in the editor.
  const projector = useSlimHead() && route.name === 'journey';
  const app = useApp();
  useEffect(() => {
    if (phase !== 'ready' && phase !== 'memoryOnly') return;
    // The screens of the main navigation arrive once the first one is up and the page is idle, so
    // opening one later is not held back by fetching its code (and React's fallback throttle).
    const idle = window.requestIdleCallback ?? ((cb: () => void) => window.setTimeout(cb, 1500));
    idle(() => {
      for (const preload of [preloadPlan, preloadCompare]) void preload().catch(() => undefined);
    });
  }, [phase]);
  const planOf = route.name === 'plan' ? (route.journeyId ?? '*') : null;
  useEffect(() => {
    // The plan's journeys are read from storage while its screen's code arrives, not after.
    if (planOf === null || phase === 'loading' || phase === 'failed') return;
    const ids = planOf === '*' ? Object.keys(app.workspace.getDoc().journeys) : [planOf];
    void app.loadJourneys(ids).catch(() => undefined);
  }, [app, planOf, phase]);

  let screen;
  // A live link asks for a name while the workspace loads: the room is fetched meanwhile.
  if (phase === 'loading' && route.name !== 'live') screen = <p className="loading">{t('app.loading')}</p>;
  else if (phase === 'failed') screen = <OpenFailedScreen />;
  else if (route.name === 'journeys') screen = <JourneysScreen />;
  else if (route.name === 'journey') screen = <EditorScreen journeyId={route.id} />;
  else if (route.name === 'personas') screen = <PersonasScreen />;
  else if (route.name === 'compare') screen = <CompareScreen journeyIds={route.journeyIds} />;
  else if (route.name === 'plan') screen = <PlanScreen key={route.journeyId ?? ''} journeyId={route.journeyId} />;
  else if (route.name === 'live') screen = <JoinLiveScreen roomId={route.roomId} secret={route.secret} />;
  else
    screen = (
      <div className="screen">
        <p>{t('app.notFound')}</p>
        <a href="#/">{t('app.backToJourneys')}</a>
      </div>
    );

  return (
    <div className="app">
      {!projector && (
        <header className="app-header">
          <span className="app-header__brand">{t('app.name')}</span>
          <nav aria-label={t('app.nav.label')} className="app-header__nav">
            <a href="#/" aria-current={route.name === 'journeys' ? 'page' : undefined}>
              {t('app.nav.journeys')}
            </a>
            <a href="#/personas" aria-current={route.name === 'personas' ? 'page' : undefined}>
              {t('app.nav.personas')}
            </a>
            <a href="#/compare" aria-current={route.name === 'compare' ? 'page' : undefined}>
              {t('app.nav.compare')}
            </a>
            <a
              href="#/plan"
              onPointerEnter={() => void preloadPlan().catch(() => undefined)}
              aria-current={route.name === 'plan' && route.journeyId === null ? 'page' : undefined}
            >
              {t('app.nav.plan')}
            </a>
          </nav>
          <button type="button" className="button button--ghost" onClick={() => setSettingsOpen(true)}>
            {t('app.nav.settings')}
          </button>
        </header>
      )}
      <StorageAlert />
      <main className="app-main">
        {/* Keyed by screen: moving to another one leaves a failed screen behind. */}
        <ScreenErrorBoundary key={route.name === 'journey' ? `journey:${route.id}` : route.name}>
          <Suspense fallback={<p className="loading">{t('app.loading')}</p>}>{screen}</Suspense>
        </ScreenErrorBoundary>
      </main>
      {settingsOpen && (
        <Suspense fallback={null}>
          <SettingsDialog open={settingsOpen} onOpenChange={setSettingsOpen} />
        </Suspense>
      )}
      <ConfirmHost />
      <Toaster />
    </div>
  );
}
