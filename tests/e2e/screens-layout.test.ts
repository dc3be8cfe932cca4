import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { baseUrl, openApp, settledBox, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';
import { problems } from './axe';
import { connect, type Client } from '../server/live-helpers';

const browser = withSharedBrowser();

const OTHERS = [
  'Kenji Watanabe',
  'Amara Okafor',
  'Léa Dubois',
  'Santiago Herrera',
  'Priyanka Raman',
  'Oluwaseun Adeyemi',
  'Mei-Ling Chen',
];

/**
 * People in the room without a browser each: Node clients of the same server, with the presence
 * the app sends. Eight Chromium pages would measure the machine rather than the layout.
 */
const clients: Client[] = [];
function addPeople(link: string, names: readonly string[]): void {
  const [, room, secret] = /#\/live\/([^/]+)\/([^/]+)$/.exec(link)!;
  const url = baseUrl().replace(/^http/, 'ws') + '/live';
  for (const name of names) {
    const client = connect(url, decodeURIComponent(room!), decodeURIComponent(secret!));
    client.provider.setAwarenessField('user', {
      name,
      color: '#2e86ab',
      selected: null,
      leading: false,
      view: null,
      editing: null,
      role: null,
    });
    clients.push(client);
  }
}
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = async (l: Locator) => (await l.boundingBox())!;

/** Where the map starts: everything above it is the header. */
const mapTop = async (page: Page) => (await box(page.getByRole('region', { name: 'Journey map' }))).y;

/**
 * The header holds still and in the window: every control in it is inside the window's width and
 * above the map, and the toolbar is one row of buttons high.
 */
async function headerHolds(page: Page, width: number, toolbarRows = 1) {
  const top = await mapTop(page);
  const controls = await page
    .locator('.editor__head')
    .locator('button:visible, select:visible, input:visible, [role="timer"]')
    .evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute('aria-label') ?? e.textContent, right: r.right, bottom: r.bottom, h: r.height };
      }),
    );
  for (const c of controls) {
    expect(c.right, `${c.name} is inside the window`).toBeLessThanOrEqual(width);
    expect(c.bottom, `${c.name} is above the map`).toBeLessThanOrEqual(top);
  }
  const rowHeight = Math.max(...controls.map((c) => c.h));
  const toolbar = await box(page.getByRole('toolbar', { name: 'Journey tools' }));
  expect(toolbar.height).toBeLessThanOrEqual(rowHeight * toolbarRows + 4 * (toolbarRows - 1));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  return top;
}

/** The journey's title is shown whole when the row has room for it. */
async function titleWhole(page: Page) {
  const heading = page.getByRole('heading', { level: 1 });
  return heading.evaluate((h) => h.scrollWidth <= h.clientWidth);
}

/** Card titles' size on screen: their font size times the map's zoom. */
async function cardTitlePx(page: Page): Promise<number> {
  return page.evaluate(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const title = document.querySelector('.card__title')!;
    return parseFloat(getComputedStyle(title).fontSize) * zoom;
  });
}

async function namesSheet(page: Page, count: number): Promise<Locator> {
  await page.getByRole('button', { name: `Show everyone’s names (${count})` }).click();
  const sheet = page.getByRole('dialog', { name: `In this session: ${count}` });
  await sheet.waitFor();
  return sheet;
}

describe('a live workshop on a projector (1280x720)', () => {
  it('keeps all the header in 120 px with eight people, during a vote and Present, covering nothing', async () => {
    const host = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const { page } = host;
    const { edit } = await startSharing(page);
    addPeople(edit, OTHERS);
    const people = page.getByRole('list', { name: 'Participants' });
    await expect.poll(() => people.getByRole('listitem').count()).toBe(8);
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.getByRole('timer', { name: 'Time left' }).waitFor();

    expect(await headerHolds(page, 1280)).toBeLessThanOrEqual(120);
    expect(await titleWhole(page)).toBe(true);
    // Every name is in the Participants list, though only a few faces show.
    expect((await people.getByRole('listitem').allTextContents()).sort()).toEqual(
      ['Fatima (facilitator) (you)', ...OTHERS].sort(),
    );
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    await page.screenshot({ path: '/tmp/layout-projector.png' });

    // The names, written out, one press away.
    const sheet = await namesSheet(page, 8);
    for (const name of OTHERS) await sheet.getByText(name, { exact: true }).waitFor();
    await page.screenshot({ path: '/tmp/layout-projector-names.png' });
    expect(await problems(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);

    // A vote, then Present during it: still one row of tools, the map where it was.
    await page.getByRole('button', { name: 'Start vote' }).click();
    await page.getByRole('status').filter({ hasText: 'dots left' }).waitFor();
    expect(await headerHolds(page, 1280)).toBeLessThanOrEqual(120);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('button', { name: 'Next stage' }).waitFor();
    expect(await headerHolds(page, 1280)).toBeLessThanOrEqual(120);
    await page.screenshot({ path: '/tmp/layout-projector-present.png' });
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await page.getByRole('button', { name: 'Close vote' }).click();

    // At Fit 3 stages the parking lot leaves the third stage's name alone, open or closed.
    await page.getByRole('button', { name: 'Fit 3 stages' }).click();
    const third = page.getByRole('group', { name: 'Stage Installation' });
    const lotButton = page.getByRole('button', { name: /^Parking lot/ });
    expect(overlap(await settledBox(third), await box(lotButton))).toBe(false);
    await lotButton.click();
    const lot = page.getByRole('complementary', { name: /Parking lot/ });
    expect(overlap(await settledBox(third), await box(lot))).toBe(false);
    await page.screenshot({ path: '/tmp/layout-projector-fit3.png' });

    // Nor does it cover Card details.
    await page.locator('.card').first().click();
    const details = page.getByRole('region', { name: 'Card details' });
    await details.waitFor();
    expect(overlap(await box(details), await box(lot))).toBe(false);
    await page.screenshot({ path: '/tmp/layout-projector-details.png' });
    await host.context.close();
  });
});

describe('a tablet in a live session', () => {
  for (const size of [
    { width: 820, height: 1180 },
    { width: 1180, height: 820 },
  ])
    it(`at ${size.width}x${size.height} gives the map all but 15% of the screen, readable, and nothing off its edge`, async () => {
      const host = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
      const { edit } = await startSharing(host.page);
      addPeople(edit, OTHERS.slice(0, 6));
      const context = await browser().newContext({ viewport: size, hasTouch: true, isMobile: true });
      const page = await context.newPage();
      await page.goto(`${baseUrl()}/`);
      await joinBy(page, edit, 'Tomás Álvarez');
      const people = page.getByRole('list', { name: 'Participants' });
      await expect.poll(() => people.getByRole('listitem').count()).toBe(8);

      expect(await headerHolds(page, size.width, size.width < 900 ? 2 : 1)).toBeLessThanOrEqual(size.height * 0.15);
      expect(await cardTitlePx(page)).toBeGreaterThanOrEqual(14);
      await page.screenshot({ path: `/tmp/layout-tablet-${size.width}.png` });

      // During a vote the dots left stay on the screen.
      await host.page.getByRole('button', { name: 'Start vote' }).click();
      const left = page.getByRole('status').filter({ hasText: 'dots left' });
      await left.waitFor();
      expect((await box(left)).x + (await box(left)).width).toBeLessThanOrEqual(size.width);
      expect(await headerHolds(page, size.width, size.width < 900 ? 2 : 1)).toBeLessThanOrEqual(size.height * 0.15);

      // The journey's persona, state and scenario are one press away.
      await page.getByRole('button', { name: 'Journey details' }).click();
      await page.getByRole('combobox', { name: 'Persona' }).waitFor();
      await page.screenshot({ path: `/tmp/layout-tablet-${size.width}-details.png` });
      await page.getByRole('button', { name: 'Journey details' }).click();

      const sheet = await namesSheet(page, 8);
      await sheet.getByText('Tomás Álvarez (you)').waitFor();
      await context.close();
      await host.context.close();
    });
});

describe('a phone in a live session', () => {
  it('lists everyone’s names in a sheet from the header’s faces', async () => {
    const host = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const { edit } = await startSharing(host.page);
    addPeople(edit, OTHERS.slice(0, 3));
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await joinBy(page, edit, 'Amara');
    await expect.poll(() => page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count()).toBe(5);
    const sheet = await namesSheet(page, 5);
    for (const name of ['Fatima (facilitator)', 'Amara (you)', ...OTHERS.slice(0, 3)])
      await sheet.getByText(name, { exact: true }).waitFor();
    const where = await box(sheet);
    expect(where.x).toBeGreaterThanOrEqual(0);
    expect(where.x + where.width).toBeLessThanOrEqual(390);
    expect(where.y + where.height).toBeLessThanOrEqual(844);
    await page.screenshot({ path: '/tmp/layout-phone-names.png' });
    await sheet.getByRole('button', { name: 'Close the names' }).tap();
    await expect.poll(() => sheet.count()).toBe(0);
    await context.close();
    await host.context.close();
  });
});
