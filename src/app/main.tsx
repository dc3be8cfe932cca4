import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
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
    if (import.meta.env.PROD && 'serviceWorker' in navigator) (await import('./offline')).keepAppOffline();
  })
  .catch((e: unknown) => console.warn('the app could not be kept for offline use', e));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider app={app}>
      <App />
    </AppProvider>
  </StrictMode>,
);
