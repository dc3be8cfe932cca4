import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The facilitator's controls: only they see them (ui-contract.md, live sessions). */
const FACILITATOR_ONLY = ['Start vote', 'Present', 'Follow me', 'Invite', 'End live session'];
const shown = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).count();

describe('roles in a live room', () => {
  it('gives the facilitator the room’s controls, participants the map, viewers a view', async () => {
    const facilitator = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const participant = await openApp(browser());
    const viewer = await openApp(browser());
    const { edit, view } = await startSharing(facilitator.page);
    await joinBy(participant.page, edit, 'Kenji');
    await joinBy(viewer.page, view, 'Ana');
    for (const page of [facilitator.page, participant.page, viewer.page])
      await expect.poll(() => page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count()).toBe(3);

    // Workshop mode shows the timer: its controls are the facilitator's.
    for (const page of [facilitator.page, participant.page, viewer.page])
      await page.getByRole('button', { name: 'Workshop mode' }).click();
    await facilitator.page.getByRole('button', { name: 'Start timer' }).waitFor();
    for (const name of FACILITATOR_ONLY) expect(await shown(facilitator.page, name), name).toBe(1);
    for (const page of [participant.page, viewer.page]) {
      await page.getByRole('group', { name: 'Workshop tools' }).waitFor();
      for (const name of [...FACILITATOR_ONLY, 'Start timer']) expect(await shown(page, name), name).toBe(0);
      expect(await shown(page, 'Leave live session')).toBe(1);
    }
    // The viewer is told, once, that this is a view, and is shown no editing control at all.
    await viewer.page.getByRole('status', { name: 'View only' }).waitFor();
    expect(await participant.page.getByRole('status', { name: 'View only' }).count()).toBe(0);
    const editing = (page: Page) =>
      Promise.all([
        page.getByRole('button', { name: 'Add stage', exact: true }).count(),
        page.getByRole('button', { name: 'Rename journey' }).count(),
        page.getByRole('button', { name: /^Add card to / }).count(),
        page.getByRole('textbox', { name: 'Quick capture' }).count(),
      ]);
    expect(await editing(viewer.page)).toEqual([0, 0, 0, 0]);
    const [addStage, rename, addCard, capture] = await editing(participant.page);
    expect([addStage, rename, capture]).toEqual([1, 1, 1]);
    expect(addCard).toBeGreaterThan(0);
    // Card details are there to read.
    await viewer.page.locator('.card').first().click();
    const title = viewer.page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
    expect(await title.isDisabled()).toBe(true);
    await viewer.page.keyboard.press('Escape');

    // A late arrival: Invite shows the links again.
    await facilitator.page.getByRole('button', { name: 'Invite' }).click();
    const dialog = facilitator.page.getByRole('dialog', { name: 'Share live' });
    expect(await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue()).toBe(edit);
    expect(await dialog.getByRole('textbox', { name: 'View link' }).inputValue()).toBe(view);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Ending asks first; Cancel keeps the room.
    await facilitator.page.getByRole('button', { name: 'End live session' }).click();
    const confirm = facilitator.page.getByRole('alertdialog', { name: 'End live session?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await facilitator.page
      .getByRole('status', { name: 'Live session', exact: true })
      .getByText('Live: connected')
      .waitFor();
    await facilitator.page.getByRole('button', { name: 'End live session' }).click();
    await confirm.getByRole('button', { name: 'End for everyone' }).click();

    // Everyone is told, and the notice stays until read.
    for (const page of [participant.page, viewer.page]) {
      const notice = page.getByRole('status').filter({ hasText: 'The live session has ended' });
      await notice.waitFor();
      await page.waitForTimeout(5000);
      expect(await notice.count()).toBe(1);
      await notice.getByRole('button', { name: 'OK' }).click();
      expect(await notice.count()).toBe(0);
    }

    // The ended link says so before anyone is asked a name.
    const late = await openApp(browser());
    await late.page.goto(edit);
    const join = late.page.getByRole('dialog', { name: 'Join live session' });
    await join.getByText(/does not open a live session/).waitFor();
    expect(await join.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
  });
});
