import { isLanguage, pickLanguage, type Language } from '../i18n/languages';

/** Choices kept per browser (not per journey): the interface language and the theme. */
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const LANGUAGE_KEY = 'journey-canvas.language';
const THEME_KEY = 'journey-canvas.theme';
const WHEEL_KEY = 'journey-canvas.wheel-zooms';

/** localStorage when the browser lets the page use it; a private window may throw on access. */
export function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // A full or disabled storage only costs the choice after a reload; the choice applies now.
  }
}

/** The language chosen before, else the browser's. */
export function initialLanguage(storage: Storage | null, preferred: readonly string[]): Language {
  const kept = read(storage, LANGUAGE_KEY);
  return isLanguage(kept) ? kept : pickLanguage(preferred);
}

export const rememberLanguage = (storage: Storage | null, language: Language) => write(storage, LANGUAGE_KEY, language);

export function storedTheme(storage: Storage | null): Theme {
  const kept = read(storage, THEME_KEY);
  return (THEMES as readonly string[]).includes(kept ?? '') ? (kept as Theme) : 'system';
}

export const rememberTheme = (storage: Storage | null, theme: Theme) => write(storage, THEME_KEY, theme);

/**
 * Whether a mouse wheel zooms the map. Off by default: the wheel and a two-finger scroll pan, as in
 * Miro and FigJam; Ctrl (⌘ on a Mac) with the wheel, and a pinch, zoom either way.
 */
export const storedWheelZooms = (storage: Storage | null): boolean => read(storage, WHEEL_KEY) === '1';
export const rememberWheelZooms = (storage: Storage | null, on: boolean) => write(storage, WHEEL_KEY, on ? '1' : '0');
