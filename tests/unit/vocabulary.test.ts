import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEELINGS } from '../../src/domain/spreadsheet/emotion-words';
import { CHANNEL_WORDS, HEADER_WORDS, SHEET_LANGUAGES, wordsOf } from '../../src/domain/spreadsheet/sheet-words';
import { addCatalogue } from '../../src/i18n';
import { lv } from '../../src/i18n/locales/lv';
import { zhHant } from '../../src/i18n/locales/zh-Hant';
import { vocabulary } from '../../src/features/spreadsheet/vocabulary';

describe('spreadsheet words', () => {
  it('know headers, lane names and channels of all five languages with only English loaded', () => {
    const words = vocabulary();
    expect(['阶段', '步骤', '用户想法', '情绪', '渠道', '负责人'].map(words.columnTarget)).toEqual([
      'stage',
      'actions',
      'thoughts',
      'emotions',
      'channel',
      'owner',
    ]);
    expect(['步驟', '使用者想法', '管道'].map(words.columnTarget)).toEqual(['actions', 'thoughts', 'channel']);
    expect(['Solis', 'Klienta domas', 'Atbildīgais'].map(words.columnTarget)).toEqual(['actions', 'thoughts', 'owner']);
    expect(['Langkah', 'Fikiran pelanggan', 'Pemilik'].map(words.columnTarget)).toEqual([
      'actions',
      'thoughts',
      'owner',
    ]);
    expect(['Customer thought', 'Emotion (1-5)', 'Owner', '情绪（1–5）'].map(words.columnTarget)).toEqual([
      'thoughts',
      'emotions',
      'owner',
      'emotions',
    ]);
    expect(words.laneKind('Emotion (1-5)')).toBe('emotions');
    expect(['微信', '網站', 'E-pasts', 'Tālrunis', 'E-mel', 'WhatsApp', 'Post'].map(words.channel)).toEqual([
      'messaging',
      'web',
      'email',
      'phone',
      'email',
      'messaging',
      'mail',
    ]);
  });

  it('read the app’s own names in every language loaded, whatever the interface language', () => {
    addCatalogue('lv', lv);
    addCatalogue('zh-Hant', zhHant);
    const words = vocabulary();
    expect(words.columnTarget('Posms')).toBe('stage');
    expect(words.columnTarget('階段')).toBe('stage');
    expect(words.columnTarget('Stage')).toBe('stage');
    expect(words.laneKind('Sāpju punkti')).toBe('painPoints');
    expect(words.laneKind('接觸點')).toBe('touchpoints');
    expect(words.channel('E-pasts')).toBe('email');
    expect(words.code('severity', 'Augsta')).toBe('high');
  });

  it('are each listed in docs/glossary.md, for every language', () => {
    const glossary = readFileSync(resolve(import.meta.dirname, '../../docs/glossary.md'), 'utf8');
    for (const lang of SHEET_LANGUAGES) {
      const lists = [
        ...Object.values(FEELINGS[lang]),
        ...Object.values(HEADER_WORDS[lang]),
        ...Object.values(CHANNEL_WORDS[lang]),
      ];
      expect(lists.length, lang).toBeGreaterThan(30);
      for (const w of lists.flatMap(wordsOf)) expect(glossary, `${lang}: ${w}`).toContain(w);
    }
  });
});
