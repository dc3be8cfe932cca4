import { createStore, type StoreApi } from 'zustand/vanilla';
import { loadLanguage } from '../i18n';
import { DEFAULT_LANGUAGE, type Language } from '../i18n/languages';
import {
  initialLanguage,
  rememberLanguage,
  rememberTheme,
  rememberWheelZooms,
  storedTheme,
  storedWheelZooms,
  type Theme,
} from './preferences';
import { applyTheme } from './theme';

export interface PreferencesState {
  language: Language;
  theme: Theme;
  /** A mouse wheel zooms the map (otherwise it pans). */
  wheelZooms: boolean;
  /** Fetches the language and puts the theme on the page; the app renders after it. */
  start(): Promise<void>;
  /** Switches the interface language at once (its catalogue is fetched the first time). */
  setLanguage(language: Language): Promise<void>;
  setTheme(theme: Theme): void;
  setWheelZooms(on: boolean): void;
}

export type PreferencesStore = StoreApi<PreferencesState>;

export function createPreferences(storage: Storage | null, preferred: readonly string[]): PreferencesStore {
  let stopTheme = () => {};
  return createStore<PreferencesState>((set, get) => ({
    language: initialLanguage(storage, preferred),
    theme: storedTheme(storage),
    wheelZooms: storedWheelZooms(storage),
    async start() {
      stopTheme = applyTheme(get().theme);
      try {
        await loadLanguage(get().language);
      } catch (e) {
        // A catalogue that cannot be fetched (an old cache, a lost network) must not keep the app
        // from opening: English is tried next.
        if (get().language === DEFAULT_LANGUAGE) throw e;
        await loadLanguage(DEFAULT_LANGUAGE);
        set({ language: DEFAULT_LANGUAGE });
      }
    },
    async setLanguage(language) {
      await loadLanguage(language);
      set({ language });
      rememberLanguage(storage, language);
    },
    setTheme(theme) {
      stopTheme();
      stopTheme = applyTheme(theme);
      set({ theme });
      rememberTheme(storage, theme);
    },
    setWheelZooms(wheelZooms) {
      set({ wheelZooms });
      rememberWheelZooms(storage, wheelZooms);
    },
  }));
}
