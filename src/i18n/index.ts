import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

/**
 * One i18n instance for the app. Only English ships today; another language is a catalogue of
 * the same shape added to `resources`.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false }, // React escapes; text is never injected as HTML.
  initAsync: false,
  returnNull: false,
});

export type TFunction = typeof i18n.t;
