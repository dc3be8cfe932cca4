/** The interface languages, each named in itself (as a language menu shows them). */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'zh-Hans', name: '简体中文' },
  { code: 'zh-Hant', name: '繁體中文' },
  { code: 'lv', name: 'Latviešu' },
  { code: 'ms', name: 'Bahasa Melayu' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: Language = 'en';

export const isLanguage = (value: unknown): value is Language => LANGUAGES.some((l) => l.code === value);

// Chinese written in Taiwan, Hong Kong and Macau is Traditional unless a script says otherwise.
const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo']);

/** The interface language for a browser's preferred languages (BCP 47 tags, best first). */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const parts = tag.toLowerCase().replace(/_/g, '-').split('-');
    const [base] = parts;
    if (base === 'en' || base === 'lv' || base === 'ms') return base;
    if (base === 'zh') {
      if (parts.includes('hant')) return 'zh-Hant';
      if (parts.includes('hans')) return 'zh-Hans';
      return parts.some((p) => TRADITIONAL_REGIONS.has(p)) ? 'zh-Hant' : 'zh-Hans';
    }
  }
  return DEFAULT_LANGUAGE;
}
