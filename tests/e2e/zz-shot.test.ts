import { test } from 'vitest';
import { baseUrl, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

test('shots', async () => {
  for (const [locale, theme] of [['lv-LV', 'light'], ['zh-TW', 'dark'], ['ms-MY', 'dark']] as const) {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, locale, colorScheme: theme });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.locator('h1').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `/tmp/shot-${locale}-list.png` });
    await page.locator('main a').first().click();
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `/tmp/shot-${locale}-editor.png` });
    await context.close();
  }
});
