import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

describe('the workshop timer in a live session', () => {
  it('counts down the same on every screen; a pause or +1 minute anywhere is seen everywhere', async () => {
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

    // The guest in workshop mode pauses and adds a minute; the host's timer follows.
    await guest.page.getByRole('button', { name: 'Workshop mode' }).click();
    await guest.page.getByRole('button', { name: 'Pause timer' }).click();
    await host.page.getByRole('button', { name: 'Resume timer' }).waitFor();
    await guest.page.getByRole('button', { name: '+1 minute' }).click();
    await expect.poll(() => hostClock.textContent()).toMatch(/^2:5\d$/);
    expect(await hostClock.textContent()).toBe(
      await guest.page.getByRole('timer', { name: 'Time left' }).textContent(),
    );
    await host.context.close();
    await guest.context.close();
  });
});
