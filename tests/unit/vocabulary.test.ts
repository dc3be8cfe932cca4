import { describe, expect, it } from 'vitest';
import { addCatalogue } from '../../src/i18n';
import { lv } from '../../src/i18n/locales/lv';
import { zhHant } from '../../src/i18n/locales/zh-Hant';
import { vocabulary } from '../../src/features/spreadsheet/vocabulary';

describe('spreadsheet words', () => {
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
});
