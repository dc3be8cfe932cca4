import type { Theme } from './preferences';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/**
 * Puts the theme on the page (`data-theme` on <html>, which the style sheet's colours follow).
 * "system" follows the operating system, also when it changes while the app is open.
 * Returns what stops following it.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): () => void {
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  const set = () => {
    const dark = theme === 'dark' || (theme === 'system' && media?.matches === true);
    root.dataset.theme = dark ? 'dark' : 'light';
    root.style.colorScheme = dark ? 'dark' : 'light';
  };
  set();
  if (theme !== 'system' || !media) return () => {};
  media.addEventListener('change', set);
  return () => media.removeEventListener('change', set);
}
