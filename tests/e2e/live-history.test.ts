import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, CHROMIUM, CHROMIUM_ARGS, openApp, tempProfile, watchPolicy, withSharedBrowser } from './browser';
import { card, joinBy, JOURNEY, startSharing } from './live-helpers';

const browser = withSharedBrowser();

const details = (page: Page) => page.getByRole('region', { name: 'Card details' });
const toolbarButton = (page: Page, name: 'Undo' | 'Redo') =>
  page.getByRole('toolbar').getByRole('button', { name, exact: true });
const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live session', exact: true });
const laneOf = (label: string) => label.slice(0, label.indexOf(': '));
const titleOf = (label: string) => label.slice(label.indexOf(': ') + 2);

/** The names of the cards on the map (`Lane: Title`). */
const cardLabels = (page: Page) =>
  page.locator('.card').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));

/** Cards with distinct names, to follow by name through the test. */
async function distinctCards(page: Page, count: number): Promise<string[]> {
  const labels = await cardLabels(page);
  const once = labels.filter((l) => labels.indexOf(l) === labels.lastIndexOf(l) && l.includes(': '));
  expect(once.length).toBeGreaterThanOrEqual(count);
  return once.slice(0, count);
}

/** Opens a card's `Card details`, writes one of its fields, and leaves (Escape lets the field go). */
async function writeField(page: Page, label: string, field: 'Title' | 'Notes', value: string): Promise<void> {
  await card(page, label).click();
  await details(page).getByRole('textbox', { name: field }).fill(value);
  await page.keyboard.press('Escape');
  await expect.poll(() => details(page).count()).toBe(0);
}

/** A card's notes as `Card details` shows them. */
async function notesOf(page: Page, label: string): Promise<string> {
  await card(page, label).click();
  const value = await details(page).getByRole('textbox', { name: 'Notes' }).inputValue();
  await page.keyboard.press('Escape');
  await expect.poll(() => details(page).count()).toBe(0);
  return value;
}

/** Waits until exactly one card of the map has this name. */
async function shows(page: Page, label: string): Promise<void> {
  await expect.poll(() => card(page, label).count(), { message: `"${label}" once` }).toBe(1);
}

async function lacks(page: Page, label: string): Promise<void> {
  await expect.poll(() => card(page, label).count(), { message: `no "${label}"` }).toBe(0);
}

/** The facilitator ends the session (answering the confirmation, when the UI asks for one). */
async function endSession(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'End live session' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'End live session?' });
  await expect.poll(async () => (await confirm.count()) > 0 || (await liveStatus(page).count()) === 0).toBe(true);
  if ((await confirm.count()) > 0) await confirm.getByRole('button', { name: 'End for everyone' }).click();
  await expect.poll(() => liveStatus(page).count()).toBe(0);
}

async function serviceWorkerControls(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
    .toBe(true);
}

describe('one history per person, alone and live', () => {
  it('undoes only one’s own steps while live, and the same history goes on after the session ends', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();
    const [first, second, third] = (await distinctCards(host.page, 3)) as [string, string, string];
    const firstA = `${laneOf(first)}: A`;
    const secondKenji = `${laneOf(second)}: Kenji’s title`;
    const thirdB = `${laneOf(third)}: B`;
    const note = 'Kenji’s note — 健二のメモ';

    // The facilitator writes the first card's title; the participant then its notes, and another card's title.
    await writeField(host.page, first, 'Title', 'A');
    await shows(guest.page, firstA);
    await writeField(guest.page, firstA, 'Notes', note);
    await writeField(guest.page, second, 'Title', 'Kenji’s title');
    await shows(host.page, secondKenji);
    await expect.poll(() => notesOf(host.page, firstA)).toBe(note);

    // Undo takes back the facilitator's title on both screens; the participant's changes stay.
    await toolbarButton(host.page, 'Undo').click();
    for (const page of [host.page, guest.page]) {
      await shows(page, first);
      await lacks(page, firstA);
      await shows(page, secondKenji);
      await expect.poll(() => notesOf(page, first)).toBe(note);
    }
    // Redo puts it back on both.
    await toolbarButton(host.page, 'Redo').click();
    for (const page of [host.page, guest.page]) {
      await shows(page, firstA);
      await lacks(page, first);
      await shows(page, secondKenji);
      await expect.poll(() => notesOf(page, firstA)).toBe(note);
    }

    // Another step while live, then the end of the session.
    await writeField(host.page, third, 'Title', 'B');
    await shows(guest.page, thirdB);
    await endSession(host.page);
    await guest.page.getByRole('status').filter({ hasText: 'The live session has ended' }).waitFor();
    await expect.poll(() => liveStatus(guest.page).count()).toBe(0);

    // The facilitator's history goes on: Undo takes back "B", then (Ctrl+Z) "A"; nothing else changes.
    await toolbarButton(host.page, 'Undo').click();
    await shows(host.page, third);
    await lacks(host.page, thirdB);
    await shows(host.page, firstA);
    await shows(host.page, secondKenji);
    await host.page.keyboard.press('Control+z');
    await shows(host.page, first);
    await lacks(host.page, firstA);
    await shows(host.page, third);
    await shows(host.page, secondKenji);
    expect(await notesOf(host.page, first)).toBe(note);
    // Those were the facilitator's only steps: the participant's are never in it.
    expect(await toolbarButton(host.page, 'Undo').isDisabled()).toBe(true);
    await host.page.keyboard.press('Control+z');
    await host.page.waitForTimeout(300);
    await shows(host.page, secondKenji);
    expect(await notesOf(host.page, first)).toBe(note);

    // A reload shows the journey as it was left: the stored records are the truth.
    const before = (await cardLabels(host.page)).sort();
    await host.page.reload();
    await host.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await shows(host.page, first);
    await shows(host.page, third);
    await shows(host.page, secondKenji);
    expect((await cardLabels(host.page)).sort()).toEqual(before);
    expect(await notesOf(host.page, first)).toBe(note);
    expect(await liveStatus(host.page).count()).toBe(0);

    // The participant keeps the journey as an ordinary one, as it was when the session ended (the
    // facilitator's later undos stay on the facilitator's screen); their Undo takes back only their own
    // last change, then the one before.
    await shows(guest.page, firstA);
    await shows(guest.page, thirdB);
    await shows(guest.page, secondKenji);
    await toolbarButton(guest.page, 'Undo').click();
    await shows(guest.page, second);
    await lacks(guest.page, secondKenji);
    await shows(guest.page, firstA);
    await shows(guest.page, thirdB);
    expect(await notesOf(guest.page, firstA)).toBe(note);
    await toolbarButton(guest.page, 'Undo').click();
    await expect.poll(() => notesOf(guest.page, firstA)).toBe('');
    await shows(guest.page, firstA);
    await shows(guest.page, thirdB);
    await shows(guest.page, second);
    expect(await toolbarButton(guest.page, 'Undo').isDisabled()).toBe(true);
    // Nothing of it reaches the facilitator: the session has ended.
    await host.page.waitForTimeout(500);
    await shows(host.page, secondKenji);
    expect(await notesOf(host.page, first)).toBe(note);
    for (const c of [host, guest]) await c.context.close();
  });

  it('does not apply an undo made while live a second time after the session ends', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();
    const [target] = (await distinctCards(host.page, 1)) as [string];
    const byHost = `${laneOf(target)}: C`;
    const byGuest = `${laneOf(target)}: Kenji, after the undo`;

    await writeField(host.page, target, 'Title', 'C');
    await shows(guest.page, byHost);
    await toolbarButton(host.page, 'Undo').click();
    await shows(guest.page, target);
    // The participant writes the title after the facilitator's undo.
    await writeField(guest.page, target, 'Title', titleOf(byGuest));
    await shows(host.page, byGuest);
    await endSession(host.page);

    // The undone step is not in the past any more: Undo leaves the participant's title alone.
    expect(await toolbarButton(host.page, 'Undo').isDisabled()).toBe(true);
    await host.page.keyboard.press('Control+z');
    await host.page.waitForTimeout(300);
    await shows(host.page, byGuest);
    // It is still there to redo.
    await toolbarButton(host.page, 'Redo').click();
    await shows(host.page, byHost);
    for (const c of [host, guest]) await c.context.close();
  });
});

describe('an edit made offline in a live room, then the page goes at once', () => {
  const editTitle = async (page: Page, label: string, title: string) => {
    await card(page, label).click();
    await details(page).getByRole('textbox', { name: 'Title' }).fill(title);
  };

  /** Both screens show the edit, once, and the same cards. */
  async function onBothOnce(host: Page, guest: Page, before: string, after: string): Promise<void> {
    for (const page of [host, guest]) {
      await expect.poll(() => card(page, after).count(), { timeout: 20_000 }).toBe(1);
      await lacks(page, before);
    }
    await host.waitForTimeout(500);
    for (const page of [host, guest]) await shows(page, after);
    expect((await cardLabels(guest)).sort()).toEqual((await cardLabels(host)).sort());
  }

  it('keeps it across a reload right after typing, and the room gets it once back online', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();
    // The reload happens with no network: the app opens from its service worker.
    await serviceWorkerControls(guest.page);
    const [target] = (await distinctCards(guest.page, 1)) as [string];
    const after = `${laneOf(target)}: Typed offline, reloaded at once`;

    await guest.context.setOffline(true);
    await liveStatus(guest.page)
      .getByText(/Offline|reconnecting/)
      .waitFor({ timeout: 20_000 });
    await editTitle(guest.page, target, titleOf(after));
    await guest.page.reload();
    await guest.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await shows(guest.page, after);
    await lacks(guest.page, target);
    await liveStatus(guest.page)
      .getByText(/Offline — \d+ changes? waiting/)
      .waitFor({ timeout: 20_000 });
    expect(await card(host.page, after).count()).toBe(0);

    await guest.context.setOffline(false);
    await liveStatus(guest.page).getByText('Live: connected').waitFor({ timeout: 20_000 });
    await onBothOnce(host.page, guest.page, target, after);
    for (const c of [host, guest]) await c.context.close();
  });

  it('keeps it when the browser is closed right after typing and opened again on the same profile', async () => {
    const host = await openApp(browser());
    const profile = tempProfile();
    let guest: BrowserContext | undefined;
    const openGuest = async (offline: boolean) => {
      const context = await chromium.launchPersistentContext(profile.dir, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
        viewport: { width: 1400, height: 900 },
        offline,
      });
      await watchPolicy(context);
      return { context, page: context.pages()[0] ?? (await context.newPage()) };
    };
    try {
      const { edit } = await startSharing(host.page);
      const first = await openGuest(false);
      guest = first.context;
      await first.page.goto(baseUrl() + '/');
      await first.page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await joinBy(first.page, edit, 'Kenji');
      await liveStatus(first.page).getByText('Live: connected').waitFor();
      await serviceWorkerControls(first.page);
      const [target] = (await distinctCards(first.page, 1)) as [string];
      const after = `${laneOf(target)}: Typed offline, then the browser closed`;

      await first.context.setOffline(true);
      await liveStatus(first.page)
        .getByText(/Offline|reconnecting/)
        .waitFor({ timeout: 20_000 });
      await editTitle(first.page, target, titleOf(after));
      const url = first.page.url();
      // The tab is closed at once (its pagehide runs, as when a person closes it), then the browser.
      // Closing the browser alone may end the page with no pagehide at all: a crash within the
      // writer's 150 ms, which the unload journal is not meant to cover.
      await first.page.close();
      await first.context.close();

      // Opened again still offline, from the service worker, then back online.
      const second = await openGuest(true);
      guest = second.context;
      await second.page.goto(url);
      await second.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
      await shows(second.page, after);
      await lacks(second.page, target);
      expect(await card(host.page, after).count()).toBe(0);
      await second.context.setOffline(false);
      await liveStatus(second.page).getByText('Live: connected').waitFor({ timeout: 20_000 });
      await onBothOnce(host.page, second.page, target, after);
    } finally {
      await guest?.close();
      await host.context.close();
      profile.remove();
    }
  }, 120_000);
});
