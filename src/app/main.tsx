import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApp } from './create-app';
import { AppProvider } from './app-context';
import './styles.css';

const app = createApp({ persistWorkshop: true });
void app
  .start()
  .then(() => app.resumeLive())
  .catch((e: unknown) => console.warn('live sessions could not be resumed', e))
  // A development server's files change as they are edited: only a build is kept offline.
  .then(async () => {
    if (import.meta.env.PROD && 'serviceWorker' in navigator) (await import('./offline')).keepAppOffline(app);
  })
  .catch((e: unknown) => console.warn('the app could not be kept for offline use', e));
// The active language's catalogue is fetched (alongside storage opening) before the first render,
// so no screen shows in one language and then another.
const render = () =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <AppProvider app={app}>
        <App />
      </AppProvider>
    </StrictMode>,
  );
void app.preferences
  .getState()
  .start()
  .catch((e: unknown) => console.error('the interface language could not be loaded', e))
  .then(render);
