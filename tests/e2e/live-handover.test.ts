import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { joinBy, JOURNEY, startSharing } from './live-helpers';

const browser = withSharedBrowser();

const shown = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).count();
const people = (page: Page) => page.getByRole('list', { name: 'Participants' });
/** The mark beside a person's name in the list: who runs the session, as everyone sees it. */
const markOf = (page: Page, name: string, mark: string) =>
  people(page).getByRole('listitem').filter({ hasText: name }).getByRole('img', { name: mark, exact: true });
const toast = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text });

/** The names the faces fold into, where a person's options are. */
async function showNames(page: Page) {
  const names = page.getByRole('button', { name: /^Show everyone’s names/ });
  if ((await names.getAttribute('aria-expanded')) !== 'true') await names.click();
}

async function options(page: Page, name: string) {
  await showNames(page);
  await page.getByRole('button', { name: `Options for ${name}`, exact: true }).click();
}

async function inWorkshop(page: Page) {
  if ((await page.getByRole('group', { name: 'Workshop tools' }).count()) === 0)
    await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('group', { name: 'Workshop tools' }).waitFor();
}

describe('handing facilitation over in a live room', () => {
  it('hands the room to a participant, adds and removes a co-facilitator, and keeps it across reloads', async () => {
    const fatima = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const kenji = await openApp(browser(), '/', { viewport: { width: 1440, height: 900 } });
    const { edit } = await startSharing(fatima.page);
    await joinBy(kenji.page, edit, 'Kenji');
    for (const page of [fatima.page, kenji.page]) {
      await expect.poll(() => people(page).getByRole('listitem').count()).toBe(2);
      await markOf(page, 'Fatima', 'Facilitator').waitFor();
    }
    // Only the facilitator gets the menu, and not for themselves.
    for (const page of [fatima.page, kenji.page]) await showNames(page);
    expect(await shown(fatima.page, 'Options for Kenji')).toBe(1);
    expect(await shown(kenji.page, 'Options for Fatima (facilitator)')).toBe(0);
    expect(await shown(fatima.page, 'Options for Fatima (facilitator)')).toBe(0);
    await kenji.page.keyboard.press('Escape');

    // Handing over asks first; Cancel changes nothing.
    await options(fatima.page, 'Kenji');
    await fatima.page.getByRole('menuitem', { name: 'Hand over facilitation' }).click();
    const confirm = fatima.page.getByRole('alertdialog', { name: 'Hand over facilitation to Kenji?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await options(fatima.page, 'Kenji');
    await fatima.page.getByRole('menuitem', { name: 'Hand over facilitation' }).click();
    await confirm.getByRole('button', { name: 'Hand over' }).click();

    await toast(kenji.page, 'You are now the facilitator.').waitFor();
    await toast(fatima.page, 'Kenji is now the facilitator. You are a participant.').waitFor();
    for (const page of [fatima.page, kenji.page]) {
      await markOf(page, 'Kenji', 'Facilitator').waitFor();
      await expect.poll(() => markOf(page, 'Fatima', 'Facilitator').count()).toBe(0);
    }

    // The room's controls moved with the role; the new facilitator starts a vote everyone sees.
    for (const page of [fatima.page, kenji.page]) await inWorkshop(page);
    await expect.poll(() => shown(fatima.page, 'Start vote')).toBe(0);
    expect(await shown(fatima.page, 'End live session')).toBe(0);
    expect(await shown(fatima.page, 'Leave live session')).toBe(1);
    await kenji.page.getByRole('button', { name: 'Start vote', exact: true }).click();
    await expect.poll(() => fatima.page.getByRole('button', { name: /^Vote for / }).count()).toBeGreaterThan(0);
    expect(await shown(kenji.page, 'Close vote')).toBe(1);
    expect(await shown(kenji.page, 'Invite')).toBe(1);

    // A reload on either side keeps the roles: each device connects with the secret it now holds.
    for (const page of [kenji.page, fatima.page]) {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
      await page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
      await inWorkshop(page);
    }
    await kenji.page.getByRole('button', { name: 'Close vote', exact: true }).waitFor();
    expect(await shown(fatima.page, 'Close vote')).toBe(0);
    expect(await shown(fatima.page, 'Start vote')).toBe(0);
    await markOf(fatima.page, 'Kenji', 'Facilitator').waitFor();

    // The new facilitator makes the old one a co-facilitator: the room's controls, not its roles.
    await options(kenji.page, 'Fatima (facilitator)');
    await kenji.page.getByRole('menuitem', { name: 'Make co-facilitator' }).click();
    await toast(fatima.page, 'You are now a co-facilitator.').waitFor();
    await toast(kenji.page, 'Fatima (facilitator) is now a co-facilitator.').waitFor();
    await fatima.page.getByRole('button', { name: 'Close vote', exact: true }).waitFor();
    expect(await shown(fatima.page, 'End live session')).toBe(1);
    await showNames(fatima.page);
    await fatima.page
      .getByRole('dialog', { name: /^In this session/ })
      .getByText('Kenji')
      .waitFor();
    expect(await shown(fatima.page, 'Options for Kenji')).toBe(0);
    await fatima.page.keyboard.press('Escape');
    await markOf(kenji.page, 'Fatima', 'Co-facilitator').waitFor();
    // The co-facilitator closes the vote for everyone.
    await fatima.page.getByRole('button', { name: 'Close vote', exact: true }).click();
    await kenji.page.getByRole('button', { name: 'Start vote', exact: true }).waitFor();

    // And is a participant again.
    await options(kenji.page, 'Fatima (facilitator)');
    await kenji.page.getByRole('menuitem', { name: 'Remove co-facilitator' }).click();
    await toast(fatima.page, 'You are no longer a co-facilitator.').waitFor();
    await expect.poll(() => shown(fatima.page, 'Start vote')).toBe(0);
    await expect.poll(() => markOf(kenji.page, 'Fatima', 'Co-facilitator').count()).toBe(0);
    await fatima.page.reload();
    await fatima.page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
    await inWorkshop(fatima.page);
    expect(await shown(fatima.page, 'Start vote')).toBe(0);
    expect(await shown(fatima.page, 'Leave live session')).toBe(1);
    for (const c of [fatima, kenji]) await c.context.close();
  });
});
