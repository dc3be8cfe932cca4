import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

describe('the workshop timer in a live session', () => {
  it('counts down the same on every screen; the facilitator’s pause or +1 minute is seen everywhere', async () => {
    const host = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const guest = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Ana');

    await host.page.getByRole('button', { name: 'Workshop mode' }).click();
    await host.page.getByRole('combobox', { name: 'Timer length' }).selectOption({ label: '2 minutes' });
    await host.page.getByRole('button', { name: 'Start timer' }).click();
    // The guest is not in workshop mode: the room's clock shows beside the participants.
    const guestClock = guest.page.getByRole('timer', { name: 'Time left' });
    await expect.poll(() => guestClock.textContent(), { timeout: 5000 }).toMatch(/^1:5\d$/);
    const hostClock = host.page.getByRole('timer', { name: 'Time left' });
    const seconds = (text: string | null) => Number(text!.split(':')[0]) * 60 + Number(text!.split(':')[1]);
    expect(
      Math.abs(seconds(await hostClock.textContent()) - seconds(await guestClock.textContent())),
    ).toBeLessThanOrEqual(1);

    // The guest in workshop mode reads the room's clock; its controls are the facilitator's.
    await guest.page.getByRole('button', { name: 'Workshop mode' }).click();
    const guestWorkshopClock = guest.page.getByRole('timer', { name: 'Time left' });
    await guestWorkshopClock.waitFor();
    for (const name of ['Pause timer', 'Start timer', '+1 minute'])
      expect(await guest.page.getByRole('button', { name }).count(), name).toBe(0);
    // The `T` key of a participant starts no timer of its own.
    await guest.page.getByRole('region', { name: 'Journey map' }).click({ position: { x: 5, y: 5 } });
    await guest.page.keyboard.press('t');

    // The facilitator pauses and adds a minute; every screen follows.
    await host.page.getByRole('button', { name: 'Pause timer' }).click();
    await host.page.getByRole('button', { name: '+1 minute' }).click();
    await expect.poll(() => hostClock.textContent()).toMatch(/^2:5\d$/);
    await expect.poll(() => guestWorkshopClock.textContent()).toBe(await hostClock.textContent());
    await guest.page.waitForTimeout(1500);
    expect(await guestWorkshopClock.textContent()).toBe(await hostClock.textContent());
    await host.context.close();
    await guest.context.close();
  });
});
