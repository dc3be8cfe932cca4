import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, type Language } from './languages';
import type { Messages } from './messages';

/**
 * The app's i18n instance. Catalogues are not in the first bundle: the active one is fetched
 * before the app renders (`loadLanguage`), any other when the user switches to it.
 */
export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: false,
  resources: {},
  partialBundledLanguages: true,
  interpolation: { escapeValue: false }, // React escapes; text is never injected as HTML.
  initAsync: false,
  returnNull: false,
});

const catalogues: Record<Language, () => Promise<Messages>> = {
  en: () => import('./en-all').then((m) => m.enAll),
  'zh-Hans': () => import('./locales/zh-Hans').then((m) => m.zhHans),
  'zh-Hant': () => import('./locales/zh-Hant').then((m) => m.zhHant),
  lv: () => import('./locales/lv').then((m) => m.lv),
  ms: () => import('./locales/ms').then((m) => m.ms),
};

const fetched = new Map<Language, Promise<Messages>>();
/** A language's catalogue, fetched once (Settings fetches them all when it opens). */
export function fetchCatalogue(language: Language): Promise<Messages> {
  let promise = fetched.get(language);
  if (!promise) {
    promise = catalogues[language]();
    // A failed fetch (offline before the app was kept) may succeed later.
    promise.catch(() => fetched.delete(language));
    fetched.set(language, promise);
  }
  return promise;
}

/** Adds a catalogue already at hand (tests, and the catalogue just fetched). */
export function addCatalogue(language: Language, messages: Messages): void {
  i18n.addResourceBundle(language, 'translation', messages, true, true);
}

/** Makes sure a language's catalogue is in the instance, fetching it the first time. */
export async function ensureCatalogue(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) addCatalogue(language, await fetchCatalogue(language));
}

/** Fetches a language's catalogue once and makes it the interface language. */
export async function loadLanguage(language: Language): Promise<void> {
  await ensureCatalogue(language);
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export type TFunction = typeof i18n.t;
