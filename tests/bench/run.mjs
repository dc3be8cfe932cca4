/**
 * `npm run bench`: measures the figures of BENCHMARKS.md in headless Chromium against the
 * production build, each as a median of several runs next to a baseline measured in the same
 * run, and rewrites BENCHMARKS.md. It prints figures; it never fails on them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { generateJourneyFile } from './generate.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const root = resolve(import.meta.dirname, '../..');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (n) => `${n.toFixed(0)} ms`;
const ratio = (a, b) => `${(a / b).toFixed(1)}x`;

async function measureOf(page, name) {
  const handle = await page.waitForFunction((n) => performance.getEntriesByName(n).at(-1), name, { timeout: 60_000 });
  const entry = await handle.jsonValue();
  return entry.entryType === 'mark' ? entry.startTime : entry.duration;
}

function firstLoadBytes() {
  const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  let js = 0;
  let css = 0;
  for (const f of files) {
    const gz = gzipSync(readFileSync(join(root, 'dist', f))).length;
    if (f.endsWith('.js')) js += gz;
    else css += gz;
  }
  return { js, css, files };
}

const server = await preview({ root, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0].replace(/\/$/, '');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
const results = [];
const record = (name, value, baseline, target, note = '') => {
  results.push({ name, value, baseline, target, note });
  console.log(`${name}: ${value}${baseline ? `   baseline ${baseline}` : ''}   target ${target}${note ? `   (${note})` : ''}`);
};

try {
  // 1. Cold start of the Journeys screen, first launch (fresh profile, no HTTP cache).
  const cold = [];
  const warm = [];
  const blank = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    await ctx.route('**/__blank', (r) => r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>blank</title><p>blank</p>' }));
    const page = await ctx.newPage();
    await page.goto(`${base}/__blank`);
    blank.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd));
    await page.goto(`${base}/`);
    cold.push(await measureOf(page, 'jc:journeys-interactive'));
    await page.reload();
    warm.push(await measureOf(page, 'jc:journeys-interactive'));
    await ctx.close();
  }
  record('Cold start, first launch (demo seeded), to interactive', ms(median(cold)), `${ms(median(blank))} empty page; ${ratio(median(cold), median(blank))}`, '≤ 800 ms');
  record('Start of a returning visit, to interactive', ms(median(warm)), `${ms(median(blank))} empty page; ${ratio(median(warm), median(blank))}`, '≤ 800 ms');

  // 2. Import (parse, validate, write) and export of a generated 5,000-card journey.
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-'));
  const doc = generateJourneyFile({ cards: 5000, connections: 500 });
  const text = JSON.stringify(doc);
  const file = join(dir, 'generated-5000.journey.json');
  writeFileSync(file, text);
  const imports = [];
  const exports = [];
  const parseBase = [];
  const stringifyBase = [];
  for (let i = 0; i < Math.min(RUNS, 5); i++) {
    const ctx = await browser.newContext({ acceptDownloads: true });
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    parseBase.push(await page.evaluate((t) => { const s = performance.now(); JSON.parse(t); return performance.now() - s; }, text));
    stringifyBase.push(await page.evaluate((t) => { const o = JSON.parse(t); const s = performance.now(); JSON.stringify(o, null, 2); return performance.now() - s; }, text));
    await page.getByLabel('Import file').setInputFiles(file);
    imports.push(await measureOf(page, 'jc:import'));
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `Actions for ${doc.journeys[0].title}` }).click();
    await page.getByRole('menuitem', { name: 'Export JSON' }).click();
    await download;
    exports.push(await measureOf(page, 'jc:export-json'));
    await ctx.close();
  }
  rmSync(dir, { recursive: true, force: true });
  record('Import of a 5,000-card file (parse, validate, write)', ms(median(imports)), `JSON.parse alone ${ms(median(parseBase))}; ${ratio(median(imports), median(parseBase))}`, '≤ 1500 ms');
  record('Export of that journey as JSON', ms(median(exports)), `JSON.stringify alone ${ms(median(stringifyBase))}; ${ratio(median(exports), median(stringifyBase))}`, '≤ 500 ms');

  // 3. Edit to durable: a rename, from the command until its transaction commits.
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/`);
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    const rawPut = await page.evaluate(async () => {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open('bench-baseline', 1);
        r.onupgradeneeded = () => r.result.createObjectStore('r', { keyPath: 'id' });
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      const times = [];
      for (let i = 0; i < 15; i++) {
        const s = performance.now();
        await new Promise((res, rej) => {
          const tx = db.transaction('r', 'readwrite');
          tx.objectStore('r').put({ id: 'x', title: `t${i}` });
          tx.oncomplete = res;
          tx.onerror = () => rej(tx.error);
        });
        times.push(performance.now() - s);
      }
      return times;
    });
    let title = 'Moving broadband — Priya';
    for (let i = 0; i < Math.max(RUNS, 10); i++) {
      const next = `Moving broadband — Priya ${i}`;
      await page.getByRole('button', { name: `Actions for ${title}` }).click();
      await page.getByRole('menuitem', { name: 'Rename' }).click();
      await page.getByRole('dialog').getByRole('textbox', { name: 'Title' }).fill(next);
      await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
      title = next;
      await page.waitForTimeout(700);
    }
    const durable = await page.evaluate(() => performance.getEntriesByName('jc:durable').map((e) => e.duration));
    // The first commit after start includes the seed's write; renames are the rest.
    const edits = durable.slice(-Math.max(RUNS, 10));
    record('Edit to durable (median)', ms(median(edits)), `one raw IndexedDB put ${ms(median(rawPut))}; ${ratio(median(edits), median(rawPut))}`, '≤ 400 ms');
    record('Edit to durable (max)', ms(Math.max(...edits)), '', '≤ 600 ms', `${edits.length} edits`);
    await ctx.close();
  }

  // 4. First-load JavaScript.
  const bytes = firstLoadBytes();
  record('First-load JavaScript, gzipped', `${(bytes.js / 1024).toFixed(1)} KB`, `CSS ${(bytes.css / 1024).toFixed(1)} KB`, '≤ 180 KB', bytes.files.join(', '));
} finally {
  await browser.close();
  await server.close();
}

const chromiumVersion = browser.version();
const machine = `${cpus().length} × ${cpus()[0]?.model.trim()}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${osType()} ${release()}, Node ${process.version}, Chromium ${chromiumVersion}`;
const date = new Date().toISOString().slice(0, 10);
const rows = results.map((r) => `| ${r.name} | ${r.value} | ${r.baseline || '–'} | ${r.target} |`).join('\n');
const md = `# Benchmarks

Measured by \`npm run bench\` (production build, headless Chromium, medians of ${RUNS} runs unless noted;
each baseline is measured in the same run, on the same machine). The script rewrites this file.

- Date: ${date}
- Machine: ${machine}

| figure | measured | baseline in the same run | target |
|---|---|---|---|
${rows}

## How each figure is taken

- **Cold start**: a fresh browser context (empty profile and HTTP cache) opens \`#/\`; the time is the
  \`jc:journeys-interactive\` mark (navigation start until the Journeys list, with its data, is on screen).
  The first launch includes writing the demo workspace to IndexedDB. Baseline: an empty HTML page's
  load event in the same browser.
- **Import**: a generated 5,000-card, 500-connection journey (\`tests/bench/generate.mjs\`) is chosen
  in \`Import file\`; the \`jc:import\` measure runs from the file's selection until its records are
  committed to IndexedDB. Baseline: \`JSON.parse\` of the same text in the page.
- **Export**: \`Export JSON\` of that journey, from the click's handler until the download is handed to
  the browser (\`jc:export-json\`). Baseline: \`JSON.stringify\` of the same document.
- **Edit to durable**: renames through the Journeys screen's dialog; \`jc:durable\` runs from the
  command's patches until the transaction holding them commits. Baseline: one bare IndexedDB put.
- **First-load JavaScript**: the gzipped size of the scripts \`dist/index.html\` loads before anything
  else; the editor, the demo, the file format's validator and settings are separate chunks.
`;
writeFileSync(join(root, 'BENCHMARKS.md'), md);
console.log('\nWrote BENCHMARKS.md');
