import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, readDownload, withSharedBrowser } from './browser';
import { card, joinBy, JOURNEY, renameCard, stagesShown, startSharing } from './live-helpers';

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
    // A reload with no network: the app opens from its service worker, with the change still waiting.
    await expect
      .poll(() => guest.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    await guest.page.reload();
    await guest.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await guest.page.getByText('Typed offline').first().waitFor();
    await status.getByText(/Offline — \d+ changes? waiting/).waitFor({ timeout: 20_000 });
    expect(await host.page.getByText('Typed offline').count()).toBe(0);
    await guest.context.setOffline(false);
    await host.page.getByText('Typed offline').first().waitFor({ timeout: 20_000 });

    // Two people on one card at once: the host writes its title, the guest its notes; both keep theirs.
    const shared = (await host.page.locator('.card').nth(5).getAttribute('aria-label'))!;
    await card(host.page, shared).click();
    await card(guest.page, shared).click();
    const details = (page: Page) => page.getByRole('region', { name: 'Card details' });
    await Promise.all([
      details(host.page).getByRole('textbox', { name: 'Title' }).fill('Zwei Leute, eine Karte'),
      details(guest.page).getByRole('textbox', { name: 'Notes' }).fill('Notiz von Kenji — 同時に書いた'),
    ]);
    for (const page of [host.page, guest.page]) {
      await expect
        .poll(() => details(page).getByRole('textbox', { name: 'Title' }).inputValue())
        .toBe('Zwei Leute, eine Karte');
      await expect
        .poll(() => details(page).getByRole('textbox', { name: 'Notes' }).inputValue())
        .toBe('Notiz von Kenji — 同時に書いた');
      await page.keyboard.press('Escape');
    }
    // Both show the same map, and both export the same journey.
    const exported = async (page: Page) => {
      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'JSON file' }).click();
      const doc = JSON.parse(await readDownload(await downloading)) as Record<string, unknown>;
      delete doc.exportedAt;
      return doc;
    };
    await expect
      .poll(async () => JSON.stringify(await exported(guest.page)) === JSON.stringify(await exported(host.page)), {
        timeout: 10_000,
      })
      .toBe(true);

    // The host ends it (asked first): the guest is told and keeps the journey as an ordinary one.
    await host.page.getByRole('button', { name: 'End live session' }).click();
    await host.page
      .getByRole('alertdialog', { name: 'End live session?' })
      .getByRole('button', { name: 'End for everyone' })
      .click();
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
    await dialog.getByText(/does not open a live session/).waitFor();
    expect(await dialog.getByRole('textbox', { name: 'Your name' }).count()).toBe(0);
    for (const c of [host, guest, late]) await c.context.close();
  });

  it('shows a view link the journey live, but changes nothing', async () => {
    const host = await openApp(browser());
    const viewer = await openApp(browser());
    const { view } = await startSharing(host.page);
    await joinBy(viewer.page, view, 'Projector');
    await viewer.page.getByRole('status', { name: 'View only' }).waitFor();
    const first = (await host.page.locator('.card').nth(0).getAttribute('aria-label'))!;
    await renameCard(host.page, first, 'Seen on the projector');
    await viewer.page.getByText('Seen on the projector').first().waitFor();
    // The persona is part of the live journey: the host's edit of it shows on the viewer's map.
    await host.page.getByRole('link', { name: 'Personas' }).click();
    await host.page.getByRole('button', { name: 'Priya Nair', exact: true }).click();
    const form = host.page.getByRole('dialog', { name: 'Edit persona' });
    await form.getByRole('textbox', { name: 'Role' }).fill('Diseñadora autónoma, trabaja desde casa');
    await form.getByRole('button', { name: 'Save' }).click();
    await viewer.page.getByText('Diseñadora autónoma, trabaja desde casa').waitFor();
    await host.page.goBack();
    await host.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await card(viewer.page, 'Actions: Seen on the projector').click();
    const title = viewer.page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
    // The card is there to read; no field takes text, and the keyboard's Delete is refused.
    expect(await title.isDisabled()).toBe(true);
    await viewer.page.keyboard.press('Delete');
    await viewer.page.getByRole('status').filter({ hasText: 'view only' }).first().waitFor();
    await host.page.waitForTimeout(500);
    await host.page.getByText('Seen on the projector').first().waitFor();
    for (const c of [host, viewer]) await c.context.close();
  });

  it('lets the facilitator ask everyone to follow their view, and a participant stop following', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    await guest.page.setViewportSize({ width: 1000, height: 700 });
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Léa');
    const follow = host.page.getByRole('button', { name: 'Follow me' });
    await follow.click();
    await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
    await guest.page.getByRole('button', { name: 'Stop following' }).waitFor();

    const zoomIn = host.page.getByRole('button', { name: 'Zoom in' });
    await zoomIn.click();
    await zoomIn.click();
    // The guest's screen, of another size, shows the stages the host's shows, from the same one.
    const sameStages = async () => {
      const [mine, theirs] = [await stagesShown(host.page), await stagesShown(guest.page)];
      return mine.length > 0 && theirs[0] === mine[0];
    };
    await expect.poll(sameStages, { timeout: 5000 }).toBe(true);

    // Scrolling down the stages shown is still following.
    const canvas = guest.page.getByRole('region', { name: 'Journey map' });
    const box = (await canvas.boundingBox())!;
    await guest.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await guest.page.mouse.wheel(0, 300);
    await guest.page.waitForTimeout(300);
    expect(await guest.page.getByText('Following Fatima (facilitator)').count()).toBe(1);
    // The guest zooms their own map: no longer following; the host's moves leave it alone.
    await guest.page.keyboard.down('Control');
    await guest.page.mouse.wheel(0, 300);
    await guest.page.keyboard.up('Control');
    const again = guest.page.getByRole('button', { name: 'Follow Fatima (facilitator)' });
    await again.waitFor();
    const own = await seen(guest.page);
    await host.page.getByRole('button', { name: 'Zoom out' }).click();
    await host.page.waitForTimeout(600);
    expect(distance(own, await seen(guest.page))).toBeLessThan(1);
    // The guest's network drops and comes back: still not following (the same lead).
    await guest.context.setOffline(true);
    await guest.page
      .getByRole('status', { name: 'Live session', exact: true })
      .getByText(/Offline/)
      .waitFor();
    await guest.context.setOffline(false);
    await guest.page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
    await host.page.waitForTimeout(500);
    await again.waitFor();
    expect(await guest.page.getByText('Following Fatima (facilitator)').count()).toBe(0);

    // Following again brings the host's view back.
    await again.click();
    await expect.poll(sameStages, { timeout: 5000 }).toBe(true);
    // The facilitator reloads: still leading, and followed.
    await host.page.reload();
    await host.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await expect.poll(() => follow.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
    await guest.page.getByRole('button', { name: 'Stop following' }).waitFor();
    // The facilitator stops: no one follows any more.
    await follow.click();
    await expect.poll(() => guest.page.getByText('Following Fatima (facilitator)').count()).toBe(0);
    // Presenting leads too: the guest's map goes where the host presents, until the host ends it.
    await host.page.getByRole('button', { name: 'Present' }).click();
    await host.page.keyboard.press('ArrowRight');
    await guest.page.getByRole('button', { name: 'Stop following' }).waitFor();
    await expect.poll(() => stagesShown(guest.page), { timeout: 5000 }).toEqual(['Order']);
    // With the same veil over the other stages.
    expect(await guest.page.locator('.present-veil').count()).toBeGreaterThan(0);
    await host.page.keyboard.press('Escape');
    await expect.poll(() => guest.page.getByText('Following Fatima (facilitator)').count()).toBe(0);

    // In the guest's Journeys list the journey is marked live; deleting that copy leaves the
    // session, and the journey stays for the others.
    await guest.page.getByRole('link', { name: 'Journeys' }).click();
    // The guest's own demo copy of the journey stays beside the room's (each record has its own
    // id in each browser): the room's is the one marked live.
    const row = guest.page
      .getByRole('listitem')
      .filter({ has: guest.page.getByRole('link', { name: JOURNEY }) })
      .filter({ has: guest.page.getByText('Live', { exact: true }) });
    await row.waitFor();
    await row.getByRole('button', { name: `Actions for ${JOURNEY}` }).click();
    await guest.page.getByRole('menuitem', { name: 'Delete' }).click();
    const people = host.page.getByRole('list', { name: 'Participants' });
    // The host still lists the guest, as gone.
    await people.getByRole('listitem').filter({ hasText: 'Léa (not connected)' }).waitFor();
    await host.page.waitForTimeout(300);
    expect(await host.page.locator('.card').count()).toBeGreaterThan(10);
    await host.page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
    for (const c of [host, guest]) await c.context.close();
  });
});

/** The middle of the part of the map a page shows, in the map's coordinates. */
async function seen(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const flow = document.querySelector('.react-flow')!.getBoundingClientRect();
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    return { x: (flow.width / 2 - m.e) / m.a, y: (flow.height / 2 - m.f) / m.a };
  });
}

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
