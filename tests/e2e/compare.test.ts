import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

type Stage = { name: string; score?: number };

function journey(id: string, title: string, personaId: string, stages: Stage[]) {
  return {
    id,
    title,
    personaId,
    stages: stages.map((s, i) => ({ id: `${id}-s${i}`, name: s.name })),
    lanes: [{ id: `${id}-e`, kind: 'emotions' }],
    cards: stages.flatMap((s, i) =>
      s.score === undefined
        ? []
        : [{ id: `${id}-c${i}`, stageId: `${id}-s${i}`, laneId: `${id}-e`, title: `Feels ${s.score}`, score: s.score }],
    ),
  };
}

function file(a: Stage[], b: Stage[]) {
  return {
    name: 'compare.journey.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({
        format: 'journey-canvas',
        version: 1,
        personas: [
          { id: 'p-ana', name: 'Ana', color: '#2e86ab' },
          { id: 'p-ben', name: 'Ben', color: '#a23b72' },
        ],
        journeys: [journey('ja', 'Ana signs up', 'p-ana', a), journey('jb', 'Ben signs up', 'p-ben', b)],
      }),
    ),
  };
}

/** Ana and Ben share Discover and Pay, and differ most at Pay; each has a stage of their own. */
const payDiverges = () =>
  file(
    [
      { name: 'Discover', score: 1 },
      { name: 'Trial', score: -2 },
      { name: 'Pay', score: 1 },
    ],
    [
      { name: 'Discover', score: 0 },
      { name: 'Sales call', score: 2 },
      { name: 'Pay', score: -1 },
    ],
  );

async function compare(page: Page, buffer: ReturnType<typeof file>) {
  await page.getByLabel('Import file').setInputFiles(buffer);
  await page.getByRole('link', { name: 'Ben signs up' }).waitFor();
  await page.getByRole('link', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: 'Ana signs up' }).check();
  await page.getByRole('checkbox', { name: 'Ben signs up' }).check();
}

describe('Compare', () => {
  it('goes to a deck: an SVG with the legend, a slide with a native chart and table, and a summary to paste', async () => {
    const { context, page } = await openApp(browser());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await compare(page, payDiverges());
    await page.getByText('Ana and Ben differ most at “Pay”.').waitFor();
    const download = async (button: string) => {
      const dl = page.waitForEvent('download');
      await page.getByRole('button', { name: button }).click();
      const d = await dl;
      return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
    };
    const svg = await download('Export SVG');
    expect(svg.name).toMatch(/\.svg$/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror') !== null,
        texts: [...doc.querySelectorAll('text')].map((t) =>
          [...t.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join(''),
        ),
        paths: doc.querySelectorAll('path').length,
      };
    }, svg.bytes.toString('utf8'));
    expect(parsed.error).toBe(false);
    expect(parsed.texts).toEqual(expect.arrayContaining(['Ana', 'Ben', 'Discover', 'Pay']));

    const pptx = await download('Export PowerPoint');
    expect(pptx.name).toMatch(/\.pptx$/);
    const files = unzipSync(new Uint8Array(pptx.bytes));
    const chart = Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n));
    expect(chart).toBeDefined();
    const chartXml = strFromU8(files[chart!]!);
    expect(chartXml).toContain('<c:lineChart>');
    for (const name of ['Ana', 'Ben', 'Discover', 'Trial', 'Sales call', 'Pay']) expect(chartXml).toContain(name);
    const slide = strFromU8(files['ppt/slides/slide1.xml']!);
    expect(slide).toContain('<a:tbl>');
    for (const cell of ['Stage', 'Gap', '+1', '-2', '2']) expect(slide).toContain(`<a:t>${cell}</a:t>`);

    await page.getByRole('button', { name: 'Copy summary' }).click();
    await page.getByText('Summary copied').waitFor();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('Ana and Ben differ most at “Pay”.');
    expect(text).toContain('- Ana — Ana signs up (Current state)');
    expect(text).toContain('- Pay: gap 2 (Ana +1, Ben -1)');
    expect(text).toContain('| Stage | Ana | Ben | Gap |');
    expect(text).toContain('| Pay (Diverge most) | +1 | -1 | 2 |');
    expect(text).toContain('| Trial (only Ana) | -2 | – | – |');
    await context.close();
  });

  it('claims a divergence only at a stage both journeys have, and marks the stages only one has', async () => {
    const { context, page } = await openApp(browser());
    await compare(page, payDiverges());
    await page.getByText('Ana and Ben differ most at “Pay”.').waitFor();
    const table = page.getByRole('table', { name: 'Average emotion score per stage' });
    await table.getByRole('rowheader', { name: /Trial.*only Ana/ }).waitFor();
    await table.getByRole('rowheader', { name: /Sales call.*only Ben/ }).waitFor();
    await context.close();
  });

  it('fits forty stages in the window and keeps every curve within the score range', async () => {
    const { context, page } = await openApp(browser());
    const stages = (offset: number) =>
      Array.from({ length: 40 }, (_, i) => ({
        name: `Step ${i + 1}`,
        score: (i + offset) % 2 === 0 ? 2 : i % 5 === 0 ? -2 : -1,
      }));
    await compare(page, file(stages(0), stages(1)));
    const chart = page.getByRole('img', { name: 'Emotion curves of the compared journeys, stage by stage' });
    await chart.waitFor();
    const fit = await page.evaluate(() => {
      const svg = document.querySelector('svg.curves') as SVGSVGElement;
      const scroller = svg.parentElement!;
      const top = svg.querySelectorAll('line')[4]!.getBBox().y; // the +2 line
      const bottom = svg.querySelectorAll('line')[0]!.getBBox().y; // the -2 line
      const curves = [...svg.querySelectorAll('path')].map((p) => p.getBBox());
      return {
        overflow: scroller.scrollWidth - scroller.clientWidth,
        withinRange: curves.every((b) => b.y >= top - 0.5 && b.y + b.height <= bottom + 0.5),
        curves: curves.length,
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.curves).toBeGreaterThan(0);
    expect(fit.withinRange).toBe(true);
    await context.close();
  });

  it('compares three personas’ pain points, metrics, channels and votes, and opens the cards behind a cell', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const lanes = (id: string) =>
      ['emotions', 'touchpoints', 'painPoints', 'opportunities', 'metrics'].map((kind) => ({
        id: `${id}-${kind}`,
        kind,
      }));
    let n = 0;
    const card = (j: string, stage: string, kind: string, title: string, fields: object = {}) => ({
      id: `${j}-c${n++}`,
      stageId: `${j}-${stage}`,
      laneId: `${j}-${kind}`,
      title,
      ...fields,
    });
    const journeyOf = (id: string, title: string, personaId: string, stageIds: string[], cards: object[]) => ({
      id,
      title,
      personaId,
      stages: stageIds.map((s) => ({ id: `${id}-${s}`, name: s[0]!.toUpperCase() + s.slice(1) })),
      lanes: lanes(id),
      cards,
    });
    const doc = {
      format: 'journey-canvas',
      version: 1,
      personas: [
        { id: 'p-li', name: '李娜' },
        { id: 'p-ilze', name: 'Ilze' },
        { id: 'p-aminah', name: 'Aminah' },
      ],
      journeys: [
        journeyOf(
          'li',
          '李娜 renews',
          'p-li',
          ['discover', 'pay'],
          [
            card('li', 'pay', 'painPoints', '费用不透明', { severity: 'high' }),
            card('li', 'pay', 'painPoints', 'Page times out', { severity: 'low' }),
            card('li', 'pay', 'touchpoints', 'Pays in the app', { channel: 'mobileApp' }),
            card('li', 'pay', 'metrics', 'CSAT after paying', { metric: 'CSAT', value: 62, target: 80, unit: '%' }),
            card('li', 'pay', 'opportunities', 'Show the fee first', { votes: 5 }),
          ],
        ),
        journeyOf(
          'ilze',
          'Ilze renews',
          'p-ilze',
          ['discover', 'pay'],
          [
            card('ilze', 'pay', 'painPoints', 'Gaida uz līnijas', { severity: 'medium' }),
            card('ilze', 'pay', 'touchpoints', 'Zvana uz klientu centru', { channel: 'phone' }),
            card('ilze', 'pay', 'metrics', 'CSAT', { metric: 'CSAT', value: 85, target: 80, unit: '%' }),
          ],
        ),
        journeyOf(
          'aminah',
          'Aminah renews',
          'p-aminah',
          ['discover', 'pay'],
          [card('aminah', 'pay', 'touchpoints', 'Menelefon pusat panggilan', { channel: 'phone' })],
        ),
      ],
    };
    await page.getByLabel('Import file').setInputFiles({
      name: 'three.journey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await page.getByRole('link', { name: 'Aminah renews' }).waitFor();
    await page.getByRole('link', { name: 'Compare', exact: true }).click();
    for (const title of ['李娜 renews', 'Ilze renews', 'Aminah renews'])
      await page.getByRole('checkbox', { name: title }).check();

    const pains = page.getByRole('table', { name: 'Pain points per stage' });
    const payRow = pains.getByRole('row', { name: /^Pay/ });
    expect(await payRow.getByRole('cell').allTextContents()).toEqual([
      '2 · High severity',
      '1 · Medium severity',
      'None',
    ]);
    // Discover has no pain point in any journey: said once, not as empty boxes.
    await page.getByText('No pain points at “Discover”.').waitFor();
    expect(await pains.getByRole('row', { name: /^Discover/ }).count()).toBe(0);

    const metrics = page.getByRole('table', { name: 'Metrics per stage' });
    const csat = metrics.getByRole('row', { name: /^Pay CSAT/ });
    expect(await csat.getByRole('cell').allTextContents()).toEqual([
      '62 % / 80 % ✗ target missed',
      '85 % / 80 % ✓ target met',
      'Not measured',
    ]);
    await page.getByText('Target missed in 1 reading.').waitFor();

    const channels = page.getByRole('table', { name: 'Channels per stage' });
    expect(
      await channels
        .getByRole('row', { name: /^Pay Phone/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['None', '✓ 1 touchpoint', '✓ 1 touchpoint']);
    const votes = page.getByRole('table', { name: 'Votes per stage' });
    expect(await votes.getByRole('row', { name: /^Pay/ }).getByRole('cell').allTextContents()).toEqual([
      '5 votes',
      'No vote run',
      'No vote run',
    ]);

    await payRow.getByRole('button', { name: /^李娜 at Pay: 2 pain points/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Pain points — 李娜 at Pay' });
    await dialog.getByText('费用不透明').waitFor();
    await dialog.getByText('Page times out').waitFor();
    await dialog.getByRole('link', { name: 'Open 李娜 renews' }).click();
    await page.getByRole('heading', { level: 1, name: '李娜 renews' }).waitFor();
    await context.close();
  });
});
