import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

let n = 0;
const card = (j: string, stage: string, kind: string, title: string, fields: object = {}) => ({
  id: `${j}-c${n++}`,
  stageId: `${j}-${stage}`,
  laneId: `${j}-${kind}`,
  title,
  ...fields,
});
const KINDS = ['emotions', 'painPoints', 'opportunities', 'metrics'];
const journey = (id: string, title: string, personaId: string, cards: object[], connections: object[] = []) => ({
  id,
  title,
  personaId,
  stages: ['call', 'wait', 'fix'].map((s) => ({ id: `${id}-${s}`, name: s[0]!.toUpperCase() + s.slice(1) })),
  lanes: KINDS.map((kind) => ({ id: `${id}-${kind}`, kind })),
  cards,
  connections,
});

/** Two personas' support journeys: pain points, opportunities (one rated, two not) and a metric. */
function supportFile() {
  const doc = {
    format: 'journey-canvas',
    version: 1,
    personas: [
      { id: 'p-ilze', name: 'Ilze' },
      { id: 'p-li', name: '李娜' },
    ],
    journeys: [
      journey('ilze', 'Ilze calls support', 'p-ilze', [
        card('ilze', 'call', 'emotions', 'Hopeful', { score: 1 }),
        card('ilze', 'wait', 'emotions', 'Fed up', { score: -2 }),
        card('ilze', 'wait', 'painPoints', 'Gaida uz līnijas 20 min', { severity: 'high' }),
        card('ilze', 'wait', 'painPoints', 'Music loops', { severity: 'low' }),
        card('ilze', 'wait', 'opportunities', 'Offer a call-back', { votes: 3 }),
        card('ilze', 'fix', 'opportunities', 'Fix it on the first call', { impact: 2, effort: 3, owner: 'Mārtiņš' }),
        card('ilze', 'wait', 'metrics', 'Average wait', { metric: 'ART', value: 20, target: 5, unit: 'min' }),
      ]),
      journey('li', '李娜 calls support', 'p-li', [
        card('li', 'call', 'emotions', '还行', { score: 0 }),
        card('li', 'call', 'painPoints', '菜单太长', { severity: 'medium' }),
        card('li', 'call', 'opportunities', '缩短语音菜单', { votes: 1 }),
      ]),
    ],
  };
  return { name: 'support.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

async function importSupport(page: Page) {
  await page.getByLabel('Import file').setInputFiles(supportFile());
  await page.getByRole('link', { name: '李娜 calls support' }).waitFor();
}

describe('action plan', () => {
  it('is built by dragging opportunities in the matrix, then exported as CSV and pasted as a summary', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await importSupport(page);
    await page.getByRole('link', { name: 'Action plan', exact: true }).click();
    await page.getByRole('heading', { name: 'Action plan', level: 1 }).waitFor();

    const matrix = page.getByRole('region', { name: 'Impact and effort' });
    const unrated = matrix.getByRole('group', { name: 'Not rated yet' });
    // The plan spans every journey, the demo's too: these two personas' are picked out by name.
    await unrated.getByRole('button', { name: '缩短语音菜单' }).waitFor();
    // Drag the call-back into "impact high, effort low": a quick win.
    const quickWin = matrix.getByRole('group', { name: 'Impact High, effort Low' });
    await unrated.getByRole('button', { name: 'Offer a call-back' }).dragTo(quickWin);
    await quickWin.getByRole('button', { name: 'Offer a call-back' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Impact of Offer a call-back' }).inputValue()).toBe('3');
    expect(await page.getByRole('combobox', { name: 'Effort of Offer a call-back' }).inputValue()).toBe('1');
    // The keyboard does the same: the menu opportunity, focused, moves up from the middle.
    await unrated.getByRole('button', { name: '缩短语音菜单' }).focus();
    await page.keyboard.press('ArrowUp');
    const highMedium = matrix.getByRole('group', { name: 'Impact High, effort Medium' });
    await highMedium.getByRole('button', { name: '缩短语音菜单' }).waitFor();
    expect(await unrated.getByRole('button', { name: 'Offer a call-back' }).count()).toBe(0);

    // Ranked: impact 3 − effort 1 first, then 3 − 2, then 2 − 3.
    const table = page.getByRole('table', { name: 'Opportunities' });
    const mine = ['Offer a call-back', '缩短语音菜单', 'Fix it on the first call'];
    const titles = async () => (await table.getByRole('rowheader').allTextContents()).filter((t) => mine.includes(t));
    await expect.poll(titles).toEqual(mine);
    await page.getByRole('textbox', { name: 'Owner of Offer a call-back' }).fill('Aminah');
    await page.getByRole('textbox', { name: 'Owner of Offer a call-back' }).press('Enter');
    await page.getByRole('combobox', { name: 'Status of Offer a call-back' }).selectOption({ label: 'Planned' });
    await page.getByRole('combobox', { name: 'KPI of Offer a call-back' }).selectOption({ label: 'Average wait' });
    await expect
      .poll(() => table.getByRole('row', { name: /Offer a call-back/ }).textContent())
      .toContain('target missed');

    // Filters: by owner, then back to all.
    await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption('Mārtiņš');
    await expect.poll(titles).toEqual(['Fix it on the first call']);
    await page.getByRole('combobox', { name: 'Owner', exact: true }).selectOption({ label: 'All' });
    await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption('李娜');
    await expect.poll(titles).toEqual(['缩短语音菜单']);
    await page.getByRole('combobox', { name: 'Persona', exact: true }).selectOption('Ilze');
    await expect.poll(titles).toEqual(['Offer a call-back', 'Fix it on the first call']);

    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const download = await dl;
    expect(download.suggestedFilename()).toMatch(/-action-plan\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '#,Opportunity,Journey,Persona,Stage,Impact,Effort,Votes,Owner,Status,KPI,Pain points answered',
    );
    expect(lines[1]).toBe(
      '1,Offer a call-back,Ilze calls support,Ilze,Wait,3,1,3,Aminah,Planned,"Average wait: 20 min, target 5 min (target missed)","Gaida uz līnijas 20 min; Music loops"',
    );
    expect(lines[2]).toMatch(/^2,Fix it on the first call,Ilze calls support,Ilze,Fix,2,3,0,Mārtiņš,,,$/);
    expect(lines).toHaveLength(3);

    await page.getByRole('button', { name: 'Copy summary' }).click();
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain('# Action plan');
    expect(text).toContain('- Ilze — Ilze calls support (Current state)');
    expect(text).toContain('| Gaida uz līnijas 20 min | Ilze | Wait | High severity |');
    expect(text).toContain(
      '| Offer a call-back | Ilze | Aminah | Average wait: 20 min, target 5 min (target missed) | 3 | 1 | 3 | Planned |',
    );
    await context.close();
  });

  it('opens for one journey from the editor, and keeps what was set after a reload', async () => {
    const { context, page } = await openApp(browser());
    await importSupport(page);
    await page.getByRole('link', { name: 'Ilze calls support' }).click();
    await page.getByRole('link', { name: 'Action plan', exact: true }).first().waitFor();
    await page.locator('.editor__meta').getByRole('link', { name: 'Action plan' }).click();
    await page.getByRole('heading', { name: 'Action plan: Ilze calls support', level: 1 }).waitFor();
    const table = page.getByRole('table', { name: 'Opportunities' });
    await expect
      .poll(() => table.getByRole('rowheader').allTextContents())
      .toEqual(['Fix it on the first call', 'Offer a call-back']);
    await page.getByRole('combobox', { name: 'Impact of Offer a call-back' }).selectOption('2');
    await page.getByRole('combobox', { name: 'Effort of Offer a call-back' }).selectOption('2');
    await expect
      .poll(() => table.getByRole('rowheader').allTextContents())
      .toEqual(['Offer a call-back', 'Fix it on the first call']);
    await page.reload();
    await expect.poll(() => page.getByRole('combobox', { name: 'Effort of Offer a call-back' }).inputValue()).toBe('2');
    await context.close();
  });
});

describe('current and future state', () => {
  it('creates a future state, changes it, and compares it with the current state', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await importSupport(page);
    await page.getByRole('link', { name: 'Ilze calls support' }).click();
    await page.getByRole('button', { name: 'Create future state' }).click();
    await page.getByRole('heading', { name: 'Ilze calls support (future state)', level: 1 }).waitFor();
    expect(await page.getByRole('combobox', { name: 'State' }).inputValue()).toBe('future');

    // In the future state the long wait is gone and the wait feels better.
    await page.getByRole('button', { name: 'Pain points: Gaida uz līnijas 20 min', exact: true }).first().click();
    await page.keyboard.press('Delete');
    await page.getByRole('button', { name: 'Emotions: Fed up', exact: true }).first().click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowUp');

    await page.getByRole('link', { name: 'Compare with current state' }).click();
    await page.getByRole('heading', { name: 'Compare personas', level: 1 }).waitFor();
    const diff = page.getByRole('table', { name: 'Current state and future state' });
    const wait = diff.getByRole('row', { name: /^Wait/ });
    await wait.waitFor();
    const cells = await wait.getByRole('cell').allTextContents();
    expect(cells[0]).toBe('-2 → +1 (+3)');
    expect(cells[1]).toContain('Gaida uz līnijas 20 min');
    expect(cells[2]).toBe('None');
    expect(cells[3]).toContain('Average wait');

    // The Journeys screen marks and filters future states.
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('combobox', { name: 'State' }).selectOption({ label: 'Future state' });
    await expect
      .poll(() => page.locator('.journey-row__title').allTextContents())
      .toEqual(['Ilze calls support (future state)']);
    await context.close();
  });
});
