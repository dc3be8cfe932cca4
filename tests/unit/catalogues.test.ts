import { describe, expect, it } from 'vitest';
import { catalogueProblems, flatten } from '../../src/i18n/catalogue-check';
import { enAll } from '../../src/i18n/en-all';
import { LANGUAGES, pickLanguage } from '../../src/i18n/languages';
import { lv } from '../../src/i18n/locales/lv';
import { ms } from '../../src/i18n/locales/ms';
import { zhHans } from '../../src/i18n/locales/zh-Hans';
import { zhHant } from '../../src/i18n/locales/zh-Hant';
import type { Messages } from '../../src/i18n/messages';

const catalogues: Record<string, Messages> = { 'zh-Hans': zhHans, 'zh-Hant': zhHant, lv, ms };

// Words every language writes as English does: the product's name, file formats and products,
// the metrics' acronyms, and text made only of placeholders, figures and signs.
const SAME_AS_ENGLISH = new Set([
  'Journey Canvas',
  'PowerPoint',
  'PDF',
  'NPS',
  'CSAT',
  'CES',
  'FCR',
  'FRT',
  'ART',
  'CLV',
]);
const NO_WORDS = /^[\s\d{}.()/·—–→✓✗+×:,#%-]*$/;
const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '');

describe('catalogues', () => {
  it('has a catalogue for every language offered', () => {
    expect(LANGUAGES.map((l) => l.code).sort()).toEqual(['en', ...Object.keys(catalogues)].sort());
  });

  for (const [language, catalogue] of Object.entries(catalogues)) {
    it(`${language}: every English key, the plural forms of ${language}, the same variables`, () => {
      expect(catalogueProblems(language, catalogue, enAll)).toEqual([]);
    });

    it(`${language}: no message is left in English`, () => {
      const english = new Set(flatten(enAll).values());
      const left = [...flatten(catalogue)].filter(
        ([, text]) => english.has(text) && !SAME_AS_ENGLISH.has(text) && !NO_WORDS.test(withoutPlaceholders(text)),
      );
      expect(left).toEqual([]);
    });
  }

  it('names what a broken catalogue gets wrong', () => {
    const english: Messages = { a: { b: 'Hello {{name}}', n_one: '{{count}} card', n_other: '{{count}} cards' } };
    expect(catalogueProblems('lv', { a: { b: 'Sveiki', n_one: '{{count}} kartīte' } }, english)).toEqual([
      'a.b: variables {} instead of {name}',
      'a.n: no "zero" form',
      'a.n: no "other" form',
    ]);
    expect(
      catalogueProblems('zh-Hans', { a: { b: '你好 {{name}}', n_one: 'x', n_other: '{{count}} 张' } }, english),
    ).toEqual(['a.n: "one" is not a plural form of zh-Hans']);
    expect(
      catalogueProblems('ms', { a: { b: 'Hai {{name}}', n_other: '{{count}} kad' }, x: 'extra' }, english),
    ).toEqual(['x: not an English key']);
  });
});

describe('pickLanguage', () => {
  it('follows the first language of the browser that the app has', () => {
    expect(pickLanguage(['zh-TW', 'en'])).toBe('zh-Hant');
    expect(pickLanguage(['zh-HK'])).toBe('zh-Hant');
    expect(pickLanguage(['zh-Hant-CN'])).toBe('zh-Hant');
    expect(pickLanguage(['zh-CN'])).toBe('zh-Hans');
    expect(pickLanguage(['zh'])).toBe('zh-Hans');
    expect(pickLanguage(['zh-Hans-TW'])).toBe('zh-Hans');
    expect(pickLanguage(['lv-LV'])).toBe('lv');
    expect(pickLanguage(['ms-MY'])).toBe('ms');
    expect(pickLanguage(['fr-FR', 'lv', 'en'])).toBe('lv');
    expect(pickLanguage(['de', 'fr'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
    expect(pickLanguage(['en-GB', 'lv'])).toBe('en');
  });
});
