import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { JOURNEY, joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The room of issue 27's workshop: each device as the people in it hold it. */
const DEVICES = {
  projector: { viewport: { width: 1280, height: 720 } },
  desk: { viewport: { width: 1440, height: 900 } },
  tablet: { viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  phone: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 },
  viewer: { viewport: { width: 1280, height: 800 } },
} satisfies Record<string, BrowserContextOptions>;

const FACILITATOR_ONLY = ['Start vote', 'Present', 'Follow me', 'Invite', 'End live session'];
const SLOT = 'Four-hour slot clashes with her client calls';
const TRACKING = 'Live engineer tracking with a 30-minute window';

const count = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).count();
const clock = (page: Page) => page.getByRole('timer', { name: 'Time left' });
const seconds = (text: string | null) => Number(text!.split(':')[0]) * 60 + Number(text!.split(':')[1]);

/**
 * The on-screen size of the card titles wholly inside the map, smallest first. The emotion curve's
 * points carry a one-word feeling, drawn a size smaller by design; they are not counted.
 */
function titleSizes(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const map = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll('.card:not(.card--emotions) .card__title')]
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.left >= map.left && r.right <= map.right && r.top >= map.top && r.bottom <= map.bottom;
      })
      .map((el) => parseFloat(getComputedStyle(el).fontSize) * zoom)
      .sort((a, b) => a - b);
  });
}

describe('a workshop on five devices', () => {
  it('runs from joining to the end: roles, Invite, Present followed on every size, a vote, the timer, End', async () => {
    const open = async (name: keyof typeof DEVICES) => (await openApp(browser(), '/', DEVICES[name])).page;
    const projector = await open('projector');
    const desk = await open('desk');
    const tablet = await open('tablet');
    const phone = await open('phone');
    const viewer = await open('viewer');
    const { edit, view } = await startSharing(projector);
    await joinBy(desk, edit, 'Kenji');
    await joinBy(tablet, edit, 'Mei');
    await joinBy(phone, edit, 'Amara');
    await joinBy(viewer, view, 'Ana');
    const everyone = [projector, desk, tablet, phone, viewer];
    const participants = [desk, tablet, phone];
    for (const page of everyone)
      await expect
        .poll(() => page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count(), { timeout: 15_000 })
        .toBe(5);

    // Roles: the facilitator runs the room, participants map, the viewer watches.
    await projector.getByRole('button', { name: 'Workshop mode' }).click();
    for (const name of FACILITATOR_ONLY) expect(await count(projector, name), name).toBe(1);
    for (const page of [...participants, viewer])
      for (const name of FACILITATOR_ONLY) expect(await count(page, name), name).toBe(0);
    await viewer.getByRole('status', { name: 'View only' }).waitFor();
    expect(await count(viewer, 'Add stage')).toBe(0);
    for (const page of [desk, tablet]) expect(await count(page, 'Add stage')).toBe(1);

    // On the projector the chrome leaves the map the room's screen.
    const map = (await projector.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    expect(720 - map.height, 'chrome above and below the map').toBeLessThanOrEqual(120);

    // Invite shows the links again.
    await projector.getByRole('button', { name: 'Invite' }).click();
    const share = projector.getByRole('dialog', { name: 'Share live' });
    expect(await share.getByRole('textbox', { name: 'Edit link' }).inputValue()).toBe(edit);
    expect(await share.getByRole('textbox', { name: 'View link' }).inputValue()).toBe(view);
    await share.getByRole('button', { name: 'Close' }).click();

    // Present: every follower shows the presented stage on its own screen, readable, behind the veil.
    await projector.getByRole('button', { name: 'Present' }).click();
    await projector.keyboard.press('ArrowRight');
    for (const page of [...participants, viewer]) {
      await page.getByRole('button', { name: 'Stop following' }).waitFor();
      await expect.poll(() => page.locator('.present-veil').count()).toBeGreaterThan(0);
      await expect.poll(async () => (await titleSizes(page)).length, { timeout: 5000 }).toBeGreaterThan(0);
      const sizes = await titleSizes(page);
      expect(sizes[0], 'the smallest title on screen').toBeGreaterThanOrEqual(14);
    }
    await phone.screenshot({ path: '/tmp/five-phone-present.png' });
    await tablet.screenshot({ path: '/tmp/five-tablet-present.png' });
    await projector.keyboard.press('Escape');
    await expect.poll(() => phone.getByRole('button', { name: 'Stop following' }).count()).toBe(0);

    // The room's timer: the facilitator's, the same second everywhere.
    await projector.getByRole('button', { name: 'Start timer' }).click();
    for (const page of everyone) await expect.poll(() => clock(page).count(), { timeout: 5000 }).toBeGreaterThan(0);
    const times = await Promise.all(everyone.map(async (page) => seconds(await clock(page).first().textContent())));
    expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(1);

    // A vote: the facilitator starts it, participants on every size spend their dots.
    await projector.getByRole('button', { name: 'Vote settings' }).click();
    const settings = projector.getByRole('dialog', { name: 'Vote settings' });
    await settings.getByRole('spinbutton', { name: 'Dots per person' }).fill('3');
    await settings.getByRole('button', { name: 'Start vote' }).click();
    const left = (page: Page) => page.getByRole('status').filter({ hasText: 'dots left' });
    for (const page of participants) {
      await left(page).waitFor();
      expect(await left(page).textContent()).toBe('3 of 3 dots left');
    }
    expect(await viewer.getByRole('button', { name: /^Vote for / }).count()).toBe(0);
    await desk.getByRole('button', { name: `Vote for ${SLOT}`, exact: true }).click();
    await tablet.getByRole('button', { name: `Vote for ${SLOT}`, exact: true }).tap();
    await phone.getByRole('button', { name: `Vote for ${TRACKING}`, exact: true }).tap();
    for (const page of participants) await expect.poll(() => left(page).textContent()).toBe('2 of 3 dots left');
    await projector.getByRole('button', { name: 'Close vote' }).click();
    for (const page of everyone) {
      const rows = page.getByRole('region', { name: 'Vote results' }).getByRole('listitem');
      await expect.poll(() => rows.count(), { timeout: 5000 }).toBe(2);
      expect(await rows.first().textContent()).toContain(`${SLOT}2 votes`);
    }

    // The end: asked first, then a lasting notice on every other screen, the copy kept.
    await projector.getByRole('button', { name: 'End live session' }).click();
    await projector
      .getByRole('alertdialog', { name: 'End live session?' })
      .getByRole('button', { name: 'End for everyone' })
      .click();
    for (const page of [...participants, viewer]) {
      const notice = page.getByRole('status').filter({ hasText: 'The live session has ended' });
      await notice.waitFor();
      const box = (await notice.boundingBox())!;
      const size = page.viewportSize()!;
      expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(
        true,
      );
      await page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    }
    for (const page of everyone) await page.context().close();
  }, 240_000);
});
