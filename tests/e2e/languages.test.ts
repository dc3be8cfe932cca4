import i18next from 'i18next';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { flatten } from '../../src/i18n/catalogue-check';
import { enAll } from '../../src/i18n/en-all';
import { lv } from '../../src/i18n/locales/lv';
import { ms } from '../../src/i18n/locales/ms';
import { zhHans } from '../../src/i18n/locales/zh-Hans';
import { zhHant } from '../../src/i18n/locales/zh-Hant';
import type { Messages } from '../../src/i18n/messages';
import { baseUrl, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

const LANGUAGES: { browser: string; code: string; messages: Messages; journeys: string }[] = [
  { browser: 'zh-CN', code: 'zh-Hans', messages: zhHans, journeys: '旅程' },
  { browser: 'zh-TW', code: 'zh-Hant', messages: zhHant, journeys: '旅程' },
  { browser: 'lv-LV', code: 'lv', messages: lv, journeys: 'Ceļi' },
  { browser: 'ms-MY', code: 'ms', messages: ms, journeys: 'Perjalanan' },
];

// Written the same in every language: the product, file formats and products, metric acronyms,
// and the demo's own content (a user's words are never translated).
const SAME_EVERYWHERE = new Set([
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
const NO_WORDS = /^[\s\d.()/·—–→✓✗+×:,#-]*$/;

const englishValues = [...flatten(enAll).values()];
const englishExact = new Set(englishValues.filter((v) => !v.includes('{{')));
// An English message with its blanks filled in: "Add card to {{lane}} in {{stage}}" and the like.
const englishPatterns = englishValues
  .filter((v) => v.includes('{{') && /\p{L}{3,}/u.test(v.replace(/\{\{[^}]*\}\}/g, '')))
  .map((v) => {
    const parts = v.split(/\{\{[^}]*\}\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return { message: v, re: new RegExp(`^${parts.join('.+?')}$`, 's') };
  });

/** Every text a person can read or hear on the page: text, labels, placeholders, titles. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out = new Set<string>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const text = walker.currentNode.textContent?.trim();
      if (text) out.add(text);
    }
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],[alt],[aria-roledescription]'))
      for (const name of ['aria-label', 'placeholder', 'title', 'alt', 'aria-roledescription']) {
        const v = el.getAttribute(name)?.trim();
        if (v) out.add(v);
      }
    return [...out];
  });
}

async function englishLeft(page: Page): Promise<string[]> {
  const left: string[] = [];
  for (const text of await pageTexts(page)) {
    if (SAME_EVERYWHERE.has(text) || NO_WORDS.test(text)) continue;
    if (englishExact.has(text)) left.push(text);
    else {
      const hit = englishPatterns.find((p) => p.re.test(text));
      if (hit) left.push(`${text} (${hit.message})`);
    }
  }
  return left;
}

function translator(code: string, messages: Messages) {
  const instance = i18next.createInstance();
  void instance.init({
    lng: code,
    resources: { [code]: { translation: messages } },
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance.t.bind(instance);
}

describe('every screen in every language', () => {
  for (const language of LANGUAGES) {
    it(`${language.code}: no English text on any screen of a ${language.browser} browser`, async () => {
      const t = translator(language.code, language.messages);
      const context = await browser().newContext({
        viewport: { width: 1400, height: 900 },
        locale: language.browser,
        acceptDownloads: true,
      });
      const page = await context.newPage();
      await page.goto(baseUrl() + '/');
      await page.getByRole('heading', { name: t('journeys.title'), level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(language.code);
      const seen: Record<string, string[]> = {};
      const check = async (screen: string) => void (seen[screen] = await englishLeft(page));

      await check('Journeys');
      await page.getByRole('button', { name: t('journeys.new') }).click();
      await page.getByRole('dialog', { name: t('newJourney.title') }).waitFor();
      await check('New journey');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
      await page
        .getByRole('button', {
          name: `${t('lane.painPoints')}: Four-hour slot clashes with her client calls`,
          exact: true,
        })
        .click();
      await page.getByRole('region', { name: t('details.region') }).waitFor();
      await check('editor with Card details');
      await page.getByRole('button', { name: t('editor.export') }).click();
      await page.getByRole('menuitem', { name: t('editor.imageOptions') }).waitFor();
      await check('export menu');
      await page.getByRole('menuitem', { name: t('editor.imageOptions') }).click();
      await page.getByRole('dialog', { name: t('export.optionsTitle') }).waitFor();
      await check('image export dialog');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: t('editor.export') }).click();
      await page.getByRole('menuitem', { name: t('editor.slides') }).click();
      await page
        .getByRole('dialog', { name: t('slides.title') })
        .getByRole('img')
        .first()
        .waitFor();
      await check('slides dialog');
      await page.keyboard.press('Escape');

      await page.getByRole('button', { name: t('editor.workshopMode') }).click();
      await page.getByRole('button', { name: t('vote.settings') }).waitFor();
      await check('workshop mode');
      await page.getByRole('button', { name: t('vote.settings') }).click();
      await page.getByRole('dialog', { name: t('vote.settings') }).waitFor();
      await check('vote settings');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: t('editor.workshopMode') }).click();

      await page.getByRole('link', { name: t('app.nav.personas') }).click();
      await page.getByRole('heading', { name: t('personas.title'), level: 1 }).waitFor();
      await check('Personas');
      await page.getByRole('button', { name: t('personas.new') }).click();
      await page.getByRole('textbox', { name: t('personas.name') }).waitFor();
      await check('persona form');
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: t('app.nav.compare') }).click();
      await page.getByRole('checkbox', { name: 'Moving broadband — Priya' }).check();
      await page.getByRole('checkbox', { name: 'Moving broadband — George' }).check();
      await page.getByRole('heading', { name: t('panels.pains') }).waitFor();
      await check('Compare');

      await page.getByRole('link', { name: t('app.nav.plan') }).click();
      await page
        .getByRole('region', { name: t('plan.matrix') })
        .getByRole('button')
        .first()
        .waitFor();
      await check('Action plan');

      await page.getByRole('button', { name: t('app.nav.settings') }).click();
      await page.getByRole('dialog', { name: t('settings.title') }).waitFor();
      await check('Settings');

      expect(seen).toEqual(Object.fromEntries(Object.keys(seen).map((k) => [k, []])));
      await context.close();
    });
  }

  it('gives a zh-TW browser 繁體中文 and a lv browser Latviešu; Settings switches at once, and the choice survives a reload', async () => {
    const taiwan = await browser().newContext({ locale: 'zh-TW' });
    const tw = await taiwan.newPage();
    await tw.goto(baseUrl() + '/');
    await tw.getByRole('heading', { name: '旅程', level: 1 }).waitFor();
    await tw.getByRole('button', { name: '新增旅程' }).waitFor();
    await taiwan.close();

    const context = await browser().newContext({ locale: 'lv' });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { name: 'Ceļi', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('button', { name: 'Pievienot posmu' }).waitFor();
    await page.getByRole('button', { name: 'Iestatījumi', exact: true }).click();
    await page.getByRole('combobox', { name: 'Valoda' }).selectOption({ label: 'Bahasa Melayu' });
    // The open screen changes under the dialog, without a reload.
    await page.getByRole('combobox', { name: 'Bahasa' }).waitFor();
    await page.getByText('Tambah peringkat', { exact: true }).waitFor({ state: 'attached' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ms');
    await page.keyboard.press('Escape');
    await page.reload();
    await page.getByRole('button', { name: 'Tambah peringkat' }).waitFor();
    await page.getByRole('link', { name: 'Perjalanan', exact: true }).click();
    await page.getByRole('heading', { name: 'Perjalanan', level: 1 }).waitFor();
    await context.close();
  });
});
