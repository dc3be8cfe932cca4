import type { Browser, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { card, joinBy, stagesShown, startSharing, titlePx } from './live-helpers';

const browser = withSharedBrowser();
/** Set to a directory to keep what each screen showed (to look at, not compared). */
const SHOTS = process.env.JC_SHOTS;
const shoot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };

async function device(size: { width: number; height: number }, mobile: boolean): Promise<Page> {
  const context = await browser().newContext({
    viewport: size,
    hasTouch: true,
    isMobile: mobile,
    deviceScaleFactor: 2,
  });
  return context.newPage();
}

/** A finger dragged across the screen. */
async function swipe(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
  for (let i = 1; i <= 10; i++)
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: [{ x: from.x + ((to.x - from.x) * i) / 10, y: from.y + ((to.y - from.y) * i) / 10 }],
    });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Whether an element is drawn whole inside the screen's width and height. */
async function inside(target: Locator, size: { width: number; height: number }): Promise<boolean> {
  const r = await target.boundingBox();
  return !!r && r.x >= 0 && r.y >= 0 && r.x + r.width <= size.width + 0.5 && r.y + r.height <= size.height + 0.5;
}

const ORDER_CARD = 'Actions: Orders online and picks the earliest install slot';
const INSTALL_CARD = 'Actions: Waits in all morning for the engineer';

async function room(b: Browser) {
  const host = await openApp(b, '/', { viewport: { width: 1280, height: 720 } });
  const { edit } = await startSharing(host.page);
  return { host: host.page, edit, close: () => host.context.close() };
}

describe('following the facilitator on a phone and a tablet', () => {
  it('shows the presented stage fitted to each screen, titles at least 14 px, behind the same veil', async () => {
    const { host, edit, close } = await room(browser());
    const phone = await device(PHONE, true);
    const tablet = await device(TABLET, false);
    await joinBy(phone, edit, 'Amara');
    await joinBy(tablet, edit, 'Tomas');

    await host.getByRole('button', { name: 'Workshop mode' }).click();
    await host.getByRole('button', { name: 'Present' }).click();
    await host.keyboard.press('ArrowRight');
    for (const [page, size] of [
      [phone, PHONE],
      [tablet, TABLET],
    ] as const) {
      await page.getByRole('button', { name: 'Stop following' }).waitFor();
      await expect.poll(() => stagesShown(page)).toEqual(['Order']);
      const px = await titlePx(page, ORDER_CARD);
      expect(px).toBeGreaterThanOrEqual(14);
      // The stage's cards are whole across the screen, right of the lane titles.
      const first = card(page, ORDER_CARD);
      expect(await inside(first, { width: size.width, height: size.height })).toBe(true);
      const rail = (await page.locator('.lane-rail .lane-header').first().boundingBox())!;
      expect((await first.boundingBox())!.x).toBeGreaterThanOrEqual(rail.x + rail.width);
      // The other stages are veiled, as on the projector.
      expect(await page.locator('.present-veil').count()).toBeGreaterThan(0);
    }
    await shoot(host, 'present-host-1280');
    await shoot(phone, 'present-phone-390');
    await shoot(tablet, 'present-tablet-820');

    // On the phone, reading down the stage is still following: the next stage comes to it.
    const map = (await phone.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    await swipe(phone, { x: 200, y: map.y + map.height - 60 }, { x: 170, y: map.y + 80 });
    await shoot(phone, 'present-phone-390-scrolled');
    expect(await phone.getByRole('button', { name: 'Stop following' }).count()).toBe(1);
    await host.keyboard.press('ArrowRight');
    await expect.poll(() => stagesShown(phone)).toEqual(['Installation']);
    expect(await titlePx(phone, INSTALL_CARD)).toBeGreaterThanOrEqual(14);
    await expect.poll(() => stagesShown(tablet)).toEqual(['Installation']);

    // Present ends: the veil goes from every screen.
    await host.keyboard.press('Escape');
    for (const page of [phone, tablet]) await expect.poll(() => page.locator('.present-veil').count()).toBe(0);
    await phone.context().close();
    await tablet.context().close();
    await close();
  });
});

describe('the phone’s header and bar in a live workshop', () => {
  it('keeps the title readable and every control on the screen; says how many dots are left', async () => {
    const { host, edit, close } = await room(browser());
    const phone = await device(PHONE, true);
    await joinBy(phone, edit, 'Amara');
    // The first card starts right of the lane titles' strip.
    const rail = (await phone.locator('.lane-rail .lane-header').first().boundingBox())!;
    const firstCard = (await phone.locator('.card').first().boundingBox())!;
    expect(firstCard.x).toBeGreaterThanOrEqual(rail.x + rail.width);

    // The room's clock runs, and the facilitator asks everyone to follow.
    await host.getByRole('button', { name: 'Workshop mode' }).click();
    await host.getByRole('button', { name: 'Start timer' }).click();
    await host.getByRole('button', { name: 'Follow me' }).click();
    await phone.getByRole('timer', { name: 'Time left' }).waitFor();
    await phone.getByRole('button', { name: 'Stop following' }).waitFor();
    // The phone shows the facilitator's stages from the same first one, at its own readable size.
    const hostFirst = (await stagesShown(host))[0];
    await expect.poll(async () => (await stagesShown(phone))[0]).toBe(hostFirst);
    expect(
      await titlePx(phone, (await phone.locator('.card').first().getAttribute('aria-label'))!),
    ).toBeGreaterThanOrEqual(14);
    const title = phone.getByRole('heading', { level: 1 });
    // The whole title is drawn: nothing cut to an ellipsis.
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await inside(title, PHONE)).toBe(true);
    for (const control of [
      phone.getByRole('status', { name: 'Live session', exact: true }),
      phone.getByRole('timer', { name: 'Time left' }),
      phone.getByRole('button', { name: 'Stop following' }),
      phone.getByRole('button', { name: 'Leave live session' }),
    ])
      expect(await inside(control, PHONE)).toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shoot(phone, 'header-phone-390');

    // Stopped following, the longer "Follow …" button and Leave are both whole.
    await phone.getByRole('button', { name: 'Stop following' }).tap();
    const again = phone.getByRole('button', { name: 'Follow Fatima (facilitator)' });
    await again.waitFor();
    expect(await inside(again, PHONE)).toBe(true);
    expect(await inside(phone.getByRole('button', { name: 'Leave live session' }), PHONE)).toBe(true);

    // A vote: the phone says how many dots are left, as a larger screen does, and counts down.
    await host.getByRole('button', { name: 'Start vote' }).click();
    const left = phone.getByRole('status').filter({ hasText: /dots? left/ });
    await left.waitFor();
    expect(await inside(left, PHONE)).toBe(true);
    const before = await left.textContent();
    await phone
      .getByRole('button', { name: /^Pain points: / })
      .first()
      .tap();
    await phone.getByRole('toolbar', { name: 'Card actions' }).getByRole('button', { name: /Vote/ }).tap();
    await expect.poll(() => left.textContent()).not.toBe(before);
    await shoot(phone, 'vote-phone-390');
    await phone.context().close();
    await close();
  });
});
