/**
 * The deck figures of `npm run bench`: slides of a 500-card journey as PowerPoint and PDF (time
 * and peak JavaScript heap), and a 5,000-row .xlsx imported, each beside a baseline of the same
 * run: the same journey exported as JSON, and the same rows imported as a journey file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateJourneyFile } from './generate.mjs';

const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples the page's JS heap every 20 ms until stopped: the peak of an export. */
async function heapSampler(page) {
  await page.evaluate(() => {
    window.__peak = performance.memory.usedJSHeapSize;
    window.__sampler = setInterval(() => {
      window.__peak = Math.max(window.__peak, performance.memory.usedJSHeapSize);
    }, 20);
  });
  return async () =>
    page.evaluate(() => {
      clearInterval(window.__sampler);
      return Math.max(window.__peak, performance.memory.usedJSHeapSize);
    });
}

async function openJourney(browser, base, file, title) {
  const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 720 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByLabel('Import file').setInputFiles(file);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return { ctx, page };
}

/** From the click to the file's download: what a person waits for. */
async function timeDownload(page, click) {
  const dl = page.waitForEvent('download', { timeout: 120_000 });
  const start = Date.now();
  await click();
  await dl;
  return Date.now() - start;
}

export async function benchSlides({ browser, base, record, median, ms, ratio, runs }) {
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-slides-'));
  const file = join(dir, 'slides-500.journey.json');
  writeFileSync(
    file,
    JSON.stringify(generateJourneyFile({ cards: 500, connections: 100, stages: 10, title: 'Slides 500' })),
  );
  const times = { pptx: [], pdf: [], json: [] };
  const peaks = { pptx: [], pdf: [] };
  let slides = '';
  for (let i = 0; i < runs; i++) {
    const { ctx, page } = await openJourney(browser, base, file, 'Slides 500');
    const menu = async (item) => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };
    times.json.push(await timeDownload(page, () => menu('JSON file')));
    for (const [kind, button] of [
      ['pptx', 'PowerPoint'],
      ['pdf', 'PDF'],
    ]) {
      await menu('Slides…');
      const dialog = page.getByRole('dialog', { name: 'Slides' });
      await dialog.getByRole('status').waitFor();
      slides = (await dialog.getByRole('status').textContent()).split(' · ')[0];
      const stop = await heapSampler(page);
      times[kind].push(
        await timeDownload(page, () => dialog.getByRole('button', { name: button, exact: true }).click()),
      );
      peaks[kind].push(await stop());
    }
    await ctx.close();
  }
  rmSync(dir, { recursive: true, force: true });
  const json = median(times.json);
  record(
    'Slides of a 500-card journey as PowerPoint, from the click to the download (median)',
    ms(median(times.pptx)),
    `JSON export ${ms(json)}; ${ratio(median(times.pptx), json)}`,
    '≤ 3 s',
    `${slides}; peak JS heap ${MB(Math.max(...peaks.pptx))} (≤ 500 MB)`,
  );
  record(
    'Slides of a 500-card journey as PDF, from the click to the download (median)',
    ms(median(times.pdf)),
    `JSON export ${ms(json)}; ${ratio(median(times.pdf), json)}`,
    '≤ 5 s',
    `${slides}; peak JS heap ${MB(Math.max(...peaks.pdf))} (≤ 500 MB)`,
  );
}

/** 5,000 rows of a CX guide's row-per-step table. */
async function stepsWorkbook(path, rows) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Journey');
  ws.addRow(['Stage', 'Persona', 'Scene', 'Touchpoint', 'Channel', 'Thought', 'Emotion', 'Pain point', 'Opportunity']);
  for (let i = 0; i < rows; i++)
    ws.addRow([
      `Stage ${1 + Math.floor(i / (rows / 10))}`,
      i === 0 ? 'Bench Persona' : '',
      `Step ${i + 1}: the customer does something`,
      `Touchpoint ${i + 1}`,
      ['Website', 'Email', 'Phone', 'Live chat'][i % 4],
      `Thinks about step ${i + 1}`,
      String((i % 5) - 2),
      i % 3 === 0 ? `Pain at step ${i + 1}` : '',
      i % 4 === 0 ? `Idea for step ${i + 1}` : '',
    ]);
  await wb.xlsx.writeFile(path);
}

/**
 * The floor under any import: the time this browser takes to store `count` card-sized records
 * with plain IndexedDB, in one transaction, into a fresh database of the same page.
 */
async function plainIndexedDbStore(page, count) {
  return page.evaluate(async (count) => {
    const name = `jc-bench-floor-${Math.random()}`;
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () =>
        req.result.createObjectStore('cards', { keyPath: 'id' }).createIndex('journeyId', 'journeyId');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const records = Array.from({ length: count }, (_, i) => ({
      id: `c${i}`,
      journeyId: 'j',
      stageId: `s${i % 10}`,
      laneId: `l${i % 6}`,
      order: `a${i}`,
      title: `Thinks about step ${i}`,
    }));
    const start = performance.now();
    const tx = db.transaction('cards', 'readwrite');
    const store = tx.objectStore('cards');
    for (const r of records) store.put(r);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const took = performance.now() - start;
    db.close();
    indexedDB.deleteDatabase(name);
    return took;
  }, count);
}

export async function benchSheet({ browser, base, record, median, ms, ratio, runs }) {
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-sheet-'));
  const xlsx = join(dir, 'Bench steps.xlsx');
  await stepsWorkbook(xlsx, 5000);
  // The same amount of content as a journey file: 5,000 rows make about 30,000 cards.
  const json = join(dir, 'same-size.journey.json');
  writeFileSync(json, JSON.stringify(generateJourneyFile({ cards: 30000, stages: 10, title: 'Same size' })));
  const sheet = [];
  const previews = [];
  const file = [];
  const floor = [];
  let cards = 0;
  for (let i = 0; i < runs; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    let start = Date.now();
    await page.getByLabel('Import file').setInputFiles(xlsx);
    const dialog = page.getByRole('dialog', { name: 'Import spreadsheet' });
    const status = dialog.getByRole('status').filter({ hasText: 'cards' });
    await status.waitFor({ timeout: 120_000 });
    previews.push(Date.now() - start);
    cards = Number(/([\d,]+) cards/.exec(await status.textContent())[1].replace(/,/g, ''));
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('link', { name: 'Bench steps' }).waitFor({ timeout: 120_000 });
    sheet.push(Date.now() - start);
    start = Date.now();
    await page.getByLabel('Import file').setInputFiles(json);
    await page.getByRole('link', { name: 'Same size' }).waitFor({ timeout: 120_000 });
    file.push(Date.now() - start);
    floor.push(await plainIndexedDbStore(page, cards));
    await ctx.close();
  }
  rmSync(dir, { recursive: true, force: true });
  record(
    'Import of a 5,000-row .xlsx (row per step), from choosing the file until the journey is listed, preview and Import click included (median)',
    ms(median(sheet)),
    `the same cards as a journey file ${ms(median(file))}; ${ratio(median(sheet), median(file))}`,
    '≤ 3 s',
    `read and previewed in ${ms(median(previews))}; the rest is storing its ${cards} cards, and plain IndexedDB alone takes ${ms(median(floor))} to store as many records in this browser`,
  );
}
