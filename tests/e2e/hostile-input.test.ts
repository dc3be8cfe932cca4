import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readExample } from '../helpers/examples';
import { journeyTitles, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();
const FIXTURES = resolve(import.meta.dirname, '../fixtures');

const asFile = (name: string, text: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: item }).click();
  const d = await dl;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

describe('hostile and unusual input', () => {
  it('refuses a file nested 100,000 levels deep at once, with a message, and changes nothing', async () => {
    const { context, page } = await openApp(browser());
    const levels = 100_000;
    const text = JSON.stringify({
      ...JSON.parse(readExample('appointment-reschedule.journey.json')),
      extra: '@@',
    }).replace('"@@"', '{"a":'.repeat(levels) + '1' + '}'.repeat(levels));
    await page.getByLabel('Import file').setInputFiles(asFile('deep.journey.json', text));
    await page.getByRole('alert', { name: /more than 64 levels deep/ }).waitFor({ timeout: 10_000 });
    expect((await journeyTitles(page)).sort()).toEqual(['Moving broadband — George', 'Moving broadband — Priya']);
    await context.close();
  });

  it('importing the same file twice reuses its persona and tells the two journeys apart', async () => {
    const { context, page } = await openApp(browser());
    const file = asFile('appointment.journey.json', readExample('appointment-reschedule.journey.json'));
    for (let i = 0; i < 2; i++) {
      await page.getByLabel('Import file').setInputFiles(file);
      await page
        .getByRole('link', {
          name: i === 0 ? 'Rescheduling an appointment' : 'Rescheduling an appointment (2)',
          exact: true,
        })
        .waitFor();
    }
    await page.getByRole('link', { name: 'Personas', exact: true }).click();
    await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
    expect(await page.getByText('Emily Carter', { exact: true }).count()).toBe(1);
    await context.close();
  });

  it('exports pictures of titles holding control characters, and writes CSV values in words', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Moving broadband — Priya' }).waitFor();
    const first = page.locator('.card').first();
    await first.click();
    const title = page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
    await title.fill('Pasted\u0008 from a terminal\u001B[0m \uD800 done');
    await page.keyboard.press('Escape');

    const svg = await exportFile(page, 'SVG image');
    const problems = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, 'image/svg+xml').getElementsByTagName('parsererror').length,
      svg.bytes.toString('utf8'),
    );
    expect(problems).toBe(0);
    const text = svg.bytes.toString('utf8');
    expect(text).toContain('Pasted from a terminal[0m');
    // eslint-disable-next-line no-control-regex -- the controls the export must have dropped
    expect(text).not.toMatch(/[\u0000-\u0008\u001B]/);

    const png = await exportFile(page, 'PNG image');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(await page.getByRole('alert').count()).toBe(0);

    const csv = (await exportFile(page, 'CSV file')).bytes.toString('utf8');
    // Labels a person reads, not the file's codes.
    expect(csv).toMatch(/,Website,|,Email,|,Phone,/);
    expect(csv).not.toMatch(/,(web|social|mobileApp),/);
    await context.close();
  });

  it('imports, shows and exports journeys in Arabic, Hebrew, Japanese, Chinese, Thai and Hindi', async () => {
    const { context, page } = await openApp(browser());
    await page.getByLabel('Import file').setInputFiles(resolve(FIXTURES, 'multilingual.journey.json'));
    await page.getByRole('link', { name: 'تغيير موعد التركيب' }).waitFor();
    await page.getByRole('link', { name: '予約の変更 — 健二' }).click();
    await page.getByRole('heading', { level: 1, name: '予約の変更 — 健二' }).waitFor();
    await page.getByRole('button', { name: 'Thoughts: 电话为什么总是占线？', exact: true }).waitFor();
    const svg = (await exportFile(page, 'SVG image')).bytes.toString('utf8');
    for (const text of ['アプリで空き枠を探す 📱', '电话为什么总是占线？', 'ลูกค้าต้องการยืนยันทาง SMS', '繋がらない'])
      expect(svg).toContain(text);
    const png = await exportFile(page, 'PNG image');
    expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(png.name).toBe('予約の変更-健二.png');
    await context.close();
  });
});
