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

/** Adds a catalogue already at hand (tests, and the catalogue just fetched). */
export function addCatalogue(language: Language, messages: Messages): void {
  i18n.addResourceBundle(language, 'translation', messages, true, true);
}

/** Fetches a language's catalogue once and makes it the interface language. */
export async function loadLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) addCatalogue(language, await catalogues[language]());
  await i18n.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export type TFunction = typeof i18n.t;
