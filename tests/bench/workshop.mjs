/**
 * The workshop figures of `npm run bench`: Present on a large map.
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
