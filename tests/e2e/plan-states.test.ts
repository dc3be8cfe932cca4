import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

/** Priya's onboarding: two opportunities, one measured by a custom metric where lower is better. */
function onboardingFile() {
  const card = (id: string, stage: string, lane: string, title: string, fields: object = {}) => ({
    id,
    stageId: stage,
    laneId: lane,
    title,
    ...fields,
  });
  const doc = {
    format: 'journey-canvas',
    version: 1,
    personas: [{ id: 'p', name: 'Priya' }],
    journeys: [
      {
        id: 'j',
        title: 'Priya onboards',
        personaId: 'p',
        stages: [
          { id: 's1', name: 'Sign up' },
          { id: 's2', name: 'First plan' },
        ],
        lanes: [
          { id: 'pain', kind: 'painPoints' },
          { id: 'opp', kind: 'opportunities' },
          { id: 'met', kind: 'metrics' },
        ],
        cards: [
          card('c1', 's2', 'pain', 'Blank page, no idea where to start', { severity: 'high' }),
          card('c2', 's2', 'opp', 'Start from a template', { impact: 3, effort: 1, kpiCardId: 'c4' }),
          card('c3', 's1', 'opp', 'Sign in with the work account', { impact: 2, effort: 2 }),
          card('c4', 's2', 'met', 'Time to first plan', { metric: 'custom', value: 52, target: 20, unit: 'min' }),
        ],
      },
    ],
  };
  return { name: 'onboarding.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) };
}

async function importOnboarding(page: Page) {
  await page.getByLabel('Import file').setInputFiles(onboardingFile());
  await page.getByRole('link', { name: 'Priya onboards' }).click();
  await page.getByRole('heading', { name: 'Priya onboards', level: 1 }).waitFor();
}

const metricCard = (page: Page) => page.getByRole('button', { name: 'Metrics: Time to first plan', exact: true });

describe('a metric’s direction', () => {
  it('claims nothing until Better when is chosen, then judges by it, keeps it after a reload, and leaves it out of the file', async () => {
    const { context, page } = await openApp(browser());
    await importOnboarding(page);
    // 52 min against 20 min: nobody has said whether lower is better, so nothing is claimed.
    await expect.poll(() => metricCard(page).textContent()).toContain('52min / 20min');
    expect(await metricCard(page).textContent()).not.toMatch(/Target met|Below target/);

    await metricCard(page).click();
    const details = page.getByRole('region', { name: 'Card details' });
    await details.getByRole('combobox', { name: 'Better when' }).selectOption({ label: 'Lower' });
    await expect.poll(() => metricCard(page).textContent()).toContain('Below target');
    await page.reload();
    await expect.poll(() => metricCard(page).textContent()).toContain('Below target');

    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON file' }).click();
    const file = readFileSync((await (await dl).path())!, 'utf8');
    expect(file).toContain('Time to first plan');
    expect(file).not.toContain('better');

    // The future state's copy is a target to reach, not a target missed.
    await page.getByRole('button', { name: 'Create future state' }).click();
    await page.getByRole('heading', { name: 'Priya onboards (future state)', level: 1 }).waitFor();
    await expect.poll(() => metricCard(page).textContent()).toContain('Target to reach');
    expect(await metricCard(page).textContent()).not.toContain('Below target');
    await context.close();
  });
});

describe('the plan of a journey and its future state', () => {
  it('shows each opportunity once, edited once, copied as a table, its last column in view at 1920 wide', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1920, height: 1080 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await importOnboarding(page);
    await page.getByRole('button', { name: 'Create future state' }).click();
    await page.getByRole('heading', { name: 'Priya onboards (future state)', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('link', { name: 'Action plan', exact: true }).click();
    await page.getByRole('heading', { name: 'Action plan', level: 1 }).waitFor();

    const table = page.getByRole('table', { name: 'Opportunities' });
    const mine = ['Start from a template', 'Sign in with the work account'];
    await table.getByRole('rowheader', { name: 'Start from a template' }).first().waitFor();
    const titles = async () => (await table.getByRole('rowheader').allTextContents()).filter((t) => mine.includes(t));
    expect(await titles()).toEqual(mine);
    const matrix = page.getByRole('region', { name: 'Impact and effort' });
    expect(await matrix.getByRole('button', { name: 'Start from a template' }).count()).toBe(1);
    const row = table.getByRole('row', { name: /Start from a template/ });
    expect(await row.textContent()).toContain('Priya onboards (future state)');

    // At 1920 wide the whole table is in view: its last column is not cut.
    const fit = await page.evaluate(() => {
      const scroller = document.querySelector('.plan-table__scroll')!;
      const last = [...document.querySelectorAll('.plan-table thead th')].at(-1)!.getBoundingClientRect();
      return {
        overflow: scroller.scrollWidth - scroller.clientWidth,
        lastRight: last.right,
        viewRight: Math.min(scroller.getBoundingClientRect().right, window.innerWidth),
      };
    });
    expect(fit.overflow).toBeLessThanOrEqual(0);
    expect(fit.lastRight).toBeLessThanOrEqual(fit.viewRight + 0.5);

    // One edit sets the opportunity in both states.
    const owner = page.getByRole('textbox', { name: 'Owner of Start from a template' });
    await owner.fill('Jonas');
    await owner.press('Enter');

    await page.getByRole('button', { name: 'Copy table' }).click();
    await page.getByText('Copied to the clipboard.').first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const lines = copied.trim().split(/\r?\n/);
    expect(lines[0]!.split('\t')).toEqual([
      '#',
      'Opportunity',
      'Journey',
      'Persona',
      'Stage',
      'Impact',
      'Effort',
      'Votes',
      'Owner',
      'Status',
      'KPI',
      'Pain points answered',
    ]);
    expect(copied).not.toContain('|');
    expect(lines.filter((l) => l.includes('Start from a template'))).toHaveLength(1);
    expect(lines.find((l) => l.includes('Start from a template'))!.split('\t')).toEqual(
      expect.arrayContaining(['Priya onboards → Priya onboards (future state)', 'Jonas']),
    );

    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('# Action plan');
    const summary = await page.evaluate(() => navigator.clipboard.readText());
    expect(summary).toContain('- Priya — Priya onboards (future state)\n');
    expect(summary).not.toMatch(/\(future state\) \(Future state\)/);
    expect(summary.match(/\| Start from a template \|/g)).toHaveLength(1);

    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('link', { name: 'Priya onboards (future state)' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'Opportunities: Start from a template', exact: true }).textContent())
      .toContain('Owner: Jonas');
    await context.close();
  });
});
