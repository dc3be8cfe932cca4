import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, openApp, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The map's pan and zoom, as React Flow draws it. */
async function viewport(page: Page): Promise<{ x: number; y: number; zoom: number }> {
  return page.locator('.react-flow__viewport').evaluate((el) => {
    const m = new DOMMatrix(getComputedStyle(el).transform);
    return { x: m.e, y: m.f, zoom: m.a };
  });
}

/** Fingers on the screen, as a phone's touch screen reports them. */
async function touch(page: Page, from: { x: number; y: number }[], to: { x: number; y: number }[]) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: from });
  for (let i = 1; i <= 10; i++) {
    const points = from.map((p, k) => ({
      x: p.x + ((to[k]!.x - p.x) * i) / 10,
      y: p.y + ((to[k]!.y - p.y) * i) / 10,
    }));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points });
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

describe('a participant on a phone', () => {
  it('joins at 390x844, pans and pinches the map by touch, adds two cards and edits one', async () => {
    const host = await openApp(browser());
    const { edit } = await startSharing(host.page);
    const context = await browser().newContext({
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl()}/`);
    await joinBy(page, edit, 'Amara');

    // Nothing runs off the screen; the journey's header is one line; the map fills the rest.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const heading = page.getByRole('heading', { level: 1 });
    expect((await heading.boundingBox())!.height).toBeLessThan(40);
    await page.getByRole('status', { name: 'Live session', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Leave live session' }).waitFor();
    const bar = page.getByRole('toolbar', { name: 'Card actions' });
    const barBox = (await bar.boundingBox())!;
    expect(barBox.y + barBox.height).toBeLessThanOrEqual(844);
    const map = (await page.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    expect(map.height).toBeGreaterThan(844 * 0.7);
    expect(await page.getByRole('img', { name: /mini ?map|overview/i }).count()).toBe(0);
    expect(await page.locator('.react-flow__minimap').count()).toBe(0);
    // Card titles are big enough to read.
    const title = await page.locator('.card').first().boundingBox();
    expect(title!.width).toBeGreaterThan(120);

    // One finger pans, even starting on a card; two fingers zoom.
    const before = await viewport(page);
    const startOnCard = (await page.locator('.card').first().boundingBox())!;
    const from = { x: startOnCard.x + 40, y: startOnCard.y + 30 };
    await touch(page, [from], [{ x: from.x - 150, y: from.y - 200 }]);
    const panned = await viewport(page);
    expect(panned.x).toBeLessThan(before.x - 100);
    expect(panned.y).toBeLessThan(before.y - 100);
    await touch(
      page,
      [
        { x: 150, y: 400 },
        { x: 240, y: 500 },
      ],
      [
        { x: 100, y: 340 },
        { x: 290, y: 560 },
      ],
    );
    expect((await viewport(page)).zoom).toBeGreaterThan(panned.zoom * 1.2);

    // The bottom bar adds a card to a stage and lane chosen from two lists, twice.
    for (const text of ['Kein Termin am Samstag', 'Техник не пришёл']) {
      await bar.getByRole('button', { name: 'Add card', exact: true }).tap();
      const sheet = page.getByRole('dialog', { name: 'Add card' });
      await sheet.getByRole('combobox', { name: 'Stage' }).selectOption({ label: 'Installation' });
      await sheet.getByRole('combobox', { name: 'Lane' }).selectOption({ label: 'Pain points' });
      await sheet.getByRole('textbox', { name: 'Title' }).fill(text);
      await sheet.getByRole('button', { name: 'Add', exact: true }).tap();
      await host.page.getByText(text).first().waitFor();
    }

    // The selected card is edited in a sheet over the map.
    await bar.getByRole('button', { name: 'Edit card' }).tap();
    const details = page.getByRole('region', { name: 'Card details' });
    await details.getByRole('textbox', { name: 'Title' }).fill('Техник пришёл в воскресенье');
    await page.getByRole('button', { name: 'Done' }).tap();
    await expect.poll(() => details.count()).toBe(0);
    await host.page.getByText('Техник пришёл в воскресенье').first().waitFor();
    await host.page.getByText('Kein Termin am Samstag').first().waitFor();

    // A card the host deletes while the phone has it selected goes, and the phone is told.
    await page.getByRole('button', { name: 'Pain points: Kein Termin am Samstag' }).tap();
    await host.page.getByRole('button', { name: 'Pain points: Kein Termin am Samstag' }).click();
    await host.page.getByRole('region', { name: 'Card details' }).getByRole('button', { name: 'Delete card' }).click();
    await page.getByText('Another participant deleted the card you had selected.').waitFor();
    expect(await page.getByText('Kein Termin am Samstag').count()).toBe(0);
    await expect.poll(() => bar.getByRole('button', { name: 'Edit card' }).isDisabled()).toBe(true);

    await context.close();
    await host.context.close();
  });
});
