import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

const PANELS = [
  'Average emotion score per stage',
  'Pain points per stage',
  'Metrics per stage',
  'Channels per stage',
  'Votes per stage',
  'Top pain points (by severity)',
  'Top opportunities',
];

/** Two personas' sign-ups with something in every panel: pain points, a metric, channels, votes. */
function signUps() {
  const journey = (id: string, title: string, personaId: string, scores: number[], extra: object[]) => ({
    id,
    title,
    personaId,
    stages: ['Discover', 'Sign up', 'Pay'].map((name, i) => ({ id: `${id}-s${i}`, name })),
    lanes: ['emotions', 'touchpoints', 'painPoints', 'opportunities', 'metrics'].map((kind) => ({
      id: `${id}-${kind}`,
      kind,
    })),
    cards: [
      ...scores.map((score, i) => ({
        id: `${id}-e${i}`,
        stageId: `${id}-s${i}`,
        laneId: `${id}-emotions`,
        title: `Feels ${score}`,
        score,
      })),
      ...extra.map((c, i) => ({ id: `${id}-x${i}`, ...c })),
    ],
  });
  const at = (id: string, stage: number, kind: string) => ({ stageId: `${id}-s${stage}`, laneId: `${id}-${kind}` });
  const doc = {
    format: 'journey-canvas',
    version: 1,
    personas: [
      { id: 'p-ana', name: 'Ana', color: '#2e86ab' },
      { id: 'p-ben', name: 'Ben', color: '#a23b72' },
    ],
    journeys: [
      journey(
        'a',
        'Ana signs up',
        'p-ana',
        [1, -2, 1],
        [
          { ...at('a', 1, 'painPoints'), title: 'Password rules unclear', severity: 'high' },
          { ...at('a', 1, 'touchpoints'), title: 'Sign-up form', channel: 'web' },
          { ...at('a', 1, 'opportunities'), title: 'Show the rules up front', votes: 4, owner: 'Mia' },
          { ...at('a', 2, 'metrics'), title: 'Checkout time', metric: 'ART', value: 9, target: 4, unit: 'min' },
        ],
      ),
      journey(
        'b',
        'Ben signs up',
        'p-ben',
        [0, 2, -1],
        [
          { ...at('b', 2, 'painPoints'), title: 'Card declined', severity: 'medium' },
          { ...at('b', 1, 'touchpoints'), title: 'Sales call', channel: 'phone' },
          { ...at('b', 2, 'opportunities'), title: 'Retry another card', votes: 2 },
        ],
      ),
    ],
  };
  return { name: 'signups.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

async function compare(page: Page) {
  await page.getByLabel('Import file').setInputFiles(signUps());
  await page.getByRole('link', { name: 'Ben signs up' }).waitFor();
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Ana signs up' }).check();
  await page.getByRole('checkbox', { name: 'Ben signs up' }).check();
  await page.getByRole('heading', { name: 'Votes per stage' }).waitFor();
}

async function download(page: Page, button: string) {
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const d = await dl;
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return { pages: pdf.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}

describe('Compare exports', () => {
  it('writes an SVG that holds every panel and draws, opened alone, no black box and its grid lines', async () => {
    const { context, page } = await openApp(browser());
    await compare(page);
    const svg = await download(page, 'Export SVG');
    const text = svg.bytes.toString('utf8');
    // Every colour is on the drawing itself: nothing waits for the page's stylesheet.
    expect(text).not.toContain('var(--');
    for (const title of PANELS) expect(text).toContain(title);
    for (const cell of [
      '1 · High',
      '9 min / 4 min ✗ target missed',
      '✓ 1 touchpoint',
      '4 votes',
      'Password rules unclear',
    ])
      expect(text).toContain(cell);

    // Opened alone in the browser: the grid lines are drawn, and nothing is a solid black area.
    const view = await context.newPage();
    await view.setViewportSize({ width: 1200, height: 900 });
    await view.setContent(`<body style="margin:0;background:#fff">${text}</body>`);
    const drawn = await view.evaluate(() => {
      const svgEl = document.querySelector('svg')!;
      const dark = [...svgEl.querySelectorAll('rect')].filter((r) => {
        const fill = getComputedStyle(r).fill;
        const m = fill.match(/\d+/g)?.map(Number) ?? [];
        return m.length >= 3 && m[0]! + m[1]! + m[2]! < 120;
      });
      const grid = [...svgEl.querySelectorAll('svg svg line')].filter((l) => getComputedStyle(l).stroke !== 'none');
      return { dark: dark.length, grid: grid.length };
    });
    expect(drawn.dark).toBe(0);
    expect(drawn.grid).toBeGreaterThanOrEqual(5);
    await context.close();
  });

  it('writes a deck with a slide per panel, native chart and tables, that LibreOffice Impress opens', async () => {
    const { context, page } = await openApp(browser());
    await compare(page);
    const pptx = await download(page, 'Export PowerPoint');
    const files = unzipSync(new Uint8Array(pptx.bytes));
    const slides = Object.keys(files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
      .map((n) => [...strFromU8(files[n]!).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(''));
    const tables = Object.keys(files)
      .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
      .filter((n) => strFromU8(files[n]!).includes('<a:tbl>'));
    expect(slides).toHaveLength(PANELS.length);
    expect(tables).toHaveLength(PANELS.length);
    expect(Object.keys(files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
    // Slide 1 holds the curves and the averages; each panel after it has its own slide and table.
    PANELS.slice(1).forEach((title, i) => expect(slides[i + 1]).toContain(title));
    expect(slides[1]).toContain('1 · High severity');
    expect(slides[2]).toContain('9 min / 4 min ✗ target missed');
    expect(slides[4]).toContain('4 votes');

    const dir = mkdtempSync(join(tmpdir(), 'compare-deck-'));
    writeFileSync(join(dir, 'deck.pptx'), pptx.bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')], {
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const office = await pdfText(new Uint8Array(readFileSync(join(dir, 'deck.pdf'))));
    expect(office.pages).toBe(PANELS.length);
    for (const title of PANELS) expect(office.text).toContain(title);
    expect(office.text).toContain('Show the rules up front');
    await context.close();
  });
});
