/**
 * The workshop figures of `npm run bench`: Present on a large map, and Quick capture.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJourneyFile } from './generate.mjs';

/** Presses a key and resolves with the time until the map's new frame is drawn (the frame after it changes). */
function stepTime(page, key) {
  return page.evaluate(
    (k) =>
      new Promise((done) => {
        const viewport = document.querySelector('.react-flow__viewport');
        const before = viewport.style.transform;
        const start = performance.now();
        document.body.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        const tick = () => {
          if (viewport.style.transform !== before) requestAnimationFrame(() => done(performance.now() - start));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    key,
  );
}

export async function benchPresent({ browser, base, record, median, ms }) {
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-present-'));
  const file = join(dir, 'generated-1000.journey.json');
  // 1,000 cards over 10 stages: 9 steps forward, 9 back.
  writeFileSync(
    file,
    JSON.stringify(generateJourneyFile({ cards: 1000, connections: 300, stages: 10, title: 'Generated 1000' })),
  );
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByLabel('Import file').setInputFiles(file);
  await page.getByRole('link', { name: 'Generated 1000' }).click();
  await page.getByRole('heading', { level: 1, name: 'Generated 1000' }).waitFor();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('button', { name: 'Present' }).click();
  await page.waitForTimeout(500);
  const times = [];
  for (const key of [...Array(9).fill('ArrowRight'), ...Array(9).fill('ArrowLeft')]) {
    times.push(await stepTime(page, key));
    await page.waitForTimeout(100);
  }
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  record(
    'Present: the next stage of a 1,000-card map, from the key until the new frame is drawn (median of 18 steps)',
    ms(median(times)),
    `slowest ${ms(Math.max(...times))}`,
    '≤ 150 ms',
  );
}

/** Types a title into the focused Quick capture bar and presses Enter: the time until the card is drawn. */
function captureTime(page, title) {
  return page.evaluate(
    (text) =>
      new Promise((done) => {
        const input = document.activeElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        setter.call(input, text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const start = performance.now();
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        const tick = () => {
          const drawn = [...document.querySelectorAll('.card__title')].some((el) => el.textContent === text);
          if (drawn) requestAnimationFrame(() => done(performance.now() - start));
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    title,
  );
}

export async function benchCapture({ browser, base, record, median, ms, ratio }) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('textbox', { name: 'Quick capture' }).focus();
  const times = [];
  for (let i = 1; i <= 50; i++) {
    times.push(await captureTime(page, `Captured idea ${i}`));
    // Three moves round the lanes, as a room's ideas land in different cells.
    if (i % 10 === 0) await page.keyboard.press('Tab');
  }
  await ctx.close();
  const first = median(times.slice(0, 5));
  const last = median(times.slice(-5));
  record(
    'Quick capture of 50 cards by keyboard, Enter until the card is drawn (median)',
    ms(median(times)),
    `last 5 ${ms(last)} against first 5 ${ms(first)}; ${ratio(last, first)}`,
    '≤ 50 ms, and the last ≤ 1.2x the first',
  );
}
