import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { card, joinBy, JOURNEY, renameCard, startSharing } from './live-helpers';

const browser = withSharedBrowser();

describe('a live session', () => {
  it('lets two people on two browsers edit one journey together, then each keeps it', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    const { edit, view } = await startSharing(host.page);
    expect(edit).toMatch(/#\/live\/[A-Za-z0-9_-]{22,}\/[A-Za-z0-9_-]{40,}$/);
    expect(view).not.toBe(edit);
    await host.page.getByRole('status', { name: 'Live session' }).getByText('Live: connected').waitFor();

    await joinBy(guest.page, edit, 'Kenji');
    const people = guest.page.getByRole('list', { name: 'Participants' });
    await expect.poll(() => people.getByRole('listitem').allTextContents()).toHaveLength(2);
    expect((await people.getByRole('listitem').allTextContents()).sort()).toEqual([
      'Fatima (facilitator)',
      'Kenji (you)',
    ]);

    // The host sees which card the guest has selected, outlined with the guest's name.
    const watched = (await guest.page.locator('.card').nth(2).getAttribute('aria-label'))!;
    await card(guest.page, watched).click();
    await host.page.locator('.card__watchers', { hasText: 'Kenji' }).waitFor();
    await guest.page.keyboard.press('Escape');

    // Each edits a different card; both see both.
    const hostCard = (await host.page.locator('.card').nth(0).getAttribute('aria-label'))!;
    const guestCard = (await host.page.locator('.card').nth(3).getAttribute('aria-label'))!;
    await renameCard(host.page, hostCard, 'Written by Fatima');
    await renameCard(guest.page, guestCard, '健二が書いた');
    for (const page of [host.page, guest.page]) {
      await page.getByText('Written by Fatima').first().waitFor();
      await page.getByText('健二が書いた').first().waitFor();
    }
    const guestKind = guestCard.split(':')[0];

    // Undo takes back only one's own change: the host's card goes back, the guest's stays.
    await host.page.getByRole('button', { name: 'Undo', exact: true }).click();
    for (const page of [host.page, guest.page]) {
      await expect.poll(() => page.getByText('Written by Fatima').count()).toBe(0);
      await page
        .getByText(hostCard.slice(hostCard.indexOf(':') + 2))
        .first()
        .waitFor();
      expect(await page.getByText('健二が書いた').count()).toBeGreaterThan(0);
    }
    await host.page.getByRole('button', { name: 'Redo', exact: true }).click();
    await guest.page.getByText('Written by Fatima').first().waitFor();

    // A reload goes back into the session, and edits go on both ways.
    await guest.page.reload();
    await guest.page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
    await renameCard(guest.page, `${guestKind}: 健二が書いた`, 'After the reload');
    await host.page.getByText('After the reload').first().waitFor();

    // Offline, the guest goes on editing; back online, everything merges.
    await guest.context.setOffline(true);
    const status = guest.page.getByRole('status', { name: 'Live session', exact: true });
    await status.getByText(/Offline|reconnecting/).waitFor({ timeout: 20_000 });
    await renameCard(guest.page, `${guestKind}: After the reload`, 'Typed offline');
    await guest.context.setOffline(false);
    await host.page.getByText('Typed offline').first().waitFor({ timeout: 20_000 });

    // The host ends it: the guest is told and keeps the journey as an ordinary one.
    await host.page.getByRole('button', { name: 'End live session' }).click();
    await guest.page.getByRole('status').filter({ hasText: 'The live session has ended' }).waitFor();
    expect(await guest.page.getByRole('status', { name: 'Live session', exact: true }).count()).toBe(0);
    await guest.page.goto(guest.page.url().replace(/#.*$/, '#/'));
    await guest.page.reload();
    await guest.page.getByRole('link', { name: JOURNEY }).first().click();
    // What the others wrote was stored here too: the journey is whole after the session.
    await guest.page.getByText('Written by Fatima').first().waitFor();
    await guest.page.getByText('Typed offline').first().waitFor();

    // An ended room's links open nothing.
    const late = await openApp(browser());
    await late.page.goto(view);
    const dialog = late.page.getByRole('dialog', { name: 'Join live session' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Late');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await dialog.getByText(/could not be joined/).waitFor({ timeout: 20_000 });
    for (const c of [host, guest, late]) await c.context.close();
  });

  it('shows a view link the journey live, but changes nothing', async () => {
    const host = await openApp(browser());
    const viewer = await openApp(browser());
    const { view } = await startSharing(host.page);
    await joinBy(viewer.page, view, 'Projector');
    await viewer.page
      .getByRole('status', { name: 'Live session' })
      .getByText(/view only/)
      .waitFor();
    const first = (await host.page.locator('.card').nth(0).getAttribute('aria-label'))!;
    await renameCard(host.page, first, 'Seen on the projector');
    await viewer.page.getByText('Seen on the projector').first().waitFor();
    await card(viewer.page, 'Actions: Seen on the projector').click();
    const title = viewer.page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
    await title.fill('Forged');
    await viewer.page.getByRole('status').filter({ hasText: 'view only' }).first().waitFor();
    await host.page.waitForTimeout(500);
    expect(await host.page.getByText('Forged').count()).toBe(0);
    for (const c of [host, viewer]) await c.context.close();
  });
});
