import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
import { App } from './App';
import { startApp } from './services';
import './styles.css';

void startApp();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
