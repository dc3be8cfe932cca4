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
  .catch((e: unknown) => console.warn('live sessions could not be resumed', e));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider app={app}>
      <App />
    </AppProvider>
  </StrictMode>,
);
