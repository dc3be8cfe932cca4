import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, readDownload, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();
const DEMO = 'Moving broadband — Priya';
const SLOT = 'Four-hour slot clashes with her client calls';
const TRACKING = 'Live engineer tracking with a 30-minute window';
const FIRM = 'Show a firm availability answer by flat number';

async function exportedCards(page: Page): Promise<Record<string, { votes?: number; severity?: string }>> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'JSON file' }).click();
  const file = JSON.parse(await readDownload(await downloading)) as {
    journeys: { cards: { title: string; votes?: number; severity?: string }[] }[];
  };
  return Object.fromEntries(file.journeys[0]!.cards.map((c) => [c.title, c]));
}

describe('dot voting', () => {
  it('lets a solo facilitator record three dots each, ranks the cards, writes the votes as one undo step, and survives a reload', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();

    await page.getByRole('button', { name: 'Vote settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Vote settings' });
    await dialog.getByRole('spinbutton', { name: 'Dots per person' }).fill('3');
    await dialog.getByRole('spinbutton', { name: 'People in the room' }).fill('2');
    await dialog.getByRole('button', { name: 'Start vote' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    const left = page.getByRole('status').filter({ hasText: 'dots left' });
    expect(await left.textContent()).toBe('6 of 6 dots left');

    // Only pain points and opportunities take dots.
    expect(await page.getByRole('button', { name: /^Vote for / }).count()).toBe(5);
    const give = (title: string) => page.getByRole('button', { name: `Vote for ${title}`, exact: true });
    await give(SLOT).click();
    await give(SLOT).click();
    await give(SLOT).click();
    await give(TRACKING).click();
    await give(FIRM).click();
    await give(FIRM).click();
    expect(await left.textContent()).toBe('0 of 6 dots left');
    // The seventh dot is refused; taking one back frees it.
    await expect.poll(() => give(TRACKING).isDisabled()).toBe(true);
    await page.getByRole('button', { name: `Remove vote for ${FIRM}`, exact: true }).click();
    expect(await left.textContent()).toBe('1 of 6 dots left');
    await give(TRACKING).click();
    await page.screenshot({ path: '/tmp/vote-open.png' });

    // A reload finds the vote open with its dots.
    await page.reload();
    await page.getByRole('button', { name: 'Close vote' }).waitFor();
    expect(await left.textContent()).toBe('0 of 6 dots left');

    await page.getByRole('button', { name: 'Close vote' }).click();
    const results = page.getByRole('region', { name: 'Vote results' });
    const rows = results.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toContain(SLOT);
    expect(await rows.nth(0).textContent()).toContain('3 votes');
    expect(await rows.nth(1).textContent()).toContain(TRACKING);
    expect(await rows.nth(2).textContent()).toContain(FIRM);
    expect(await page.getByRole('button', { name: /^Vote for / }).count()).toBe(0);
    await results.getByRole('combobox', { name: 'Highlight on the map' }).selectOption({ label: 'Top 1' });
    await expect.poll(() => page.locator('.vote-strip--top').count()).toBe(1);
    await page.screenshot({ path: '/tmp/vote-results.png' });

    // Each opportunity's dots are added to the votes it had (6 and 2 in the demo).
    const cards = await exportedCards(page);
    expect(cards[TRACKING]!.votes).toBe(8);
    expect(cards[FIRM]!.votes).toBe(3);
    expect(cards["'Moving home' option straight to a person"]).toBeUndefined(); // George's journey
    expect(cards[SLOT]!.votes).toBeUndefined(); // the format has no votes on pain points
    expect(Object.values(cards).filter((c) => c.votes !== undefined).length).toBe(2);

    // One undo takes every written total back.
    await page.getByRole('button', { name: 'Undo' }).click();
    const undone = await exportedCards(page);
    expect([undone[TRACKING]!.votes, undone[FIRM]!.votes]).toEqual([6, 2]);
    await page.getByRole('button', { name: 'Redo' }).click();

    await page.reload();
    await results.waitFor();
    expect(await rows.count()).toBe(3);
    await results.getByRole('button', { name: 'Put results away' }).click();
    await expect.poll(() => results.count()).toBe(0);
    // The next vote starts at once, set up as this one was.
    await page.getByRole('button', { name: 'Start vote' }).click();
    await expect.poll(() => left.textContent()).toBe('6 of 6 dots left');
    await context.close();
  });
});

describe('vote rounds', () => {
  it('add up: a second round without dots on a card leaves the votes the first gave it, and All rounds shows both', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const give = (title: string) => page.getByRole('button', { name: `Vote for ${title}`, exact: true });
    const votesOn = (title: string) =>
      page.locator('.react-flow__node', { hasText: title }).locator('.chip', { hasText: '▲' }).textContent();
    expect(await votesOn(TRACKING)).toBe('▲ 6 votes');
    const results = page.getByRole('region', { name: 'Vote results' });
    const rows = results.getByRole('listitem');

    // The first round: four dots on the tracking, one on the slot.
    await page.getByRole('button', { name: 'Start vote' }).click();
    for (let i = 0; i < 4; i++) await give(TRACKING).click();
    await give(SLOT).click();
    await page.getByRole('button', { name: 'Close vote' }).click();
    await expect.poll(() => votesOn(TRACKING)).toBe('▲ 10 votes');
    await expect.poll(() => rows.count()).toBe(2);

    // The second round: one dot on the other opportunity, none on the tracking.
    await page.getByRole('button', { name: 'Start vote' }).click();
    await give(FIRM).click();
    await page.getByRole('button', { name: 'Close vote' }).click();
    await expect.poll(() => votesOn(FIRM)).toBe('▲ 3 votes');
    expect(await votesOn(TRACKING)).toBe('▲ 10 votes');
    const cards = await exportedCards(page);
    expect([cards[TRACKING]!.votes, cards[FIRM]!.votes]).toEqual([10, 3]);

    // The last round has the one dot; all rounds add up the dots of both, pain points' too.
    expect(await results.getByRole('radio', { name: 'Last round' }).isChecked()).toBe(true);
    await expect.poll(() => rows.allTextContents()).toEqual([expect.stringContaining(`${FIRM}1 vote`)]);
    await results.getByRole('radio', { name: 'All rounds' }).check();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining(`${TRACKING}4 votes`),
      expect.stringContaining(`${SLOT}1 vote`),
      expect.stringContaining(`${FIRM}1 vote`),
    ]);
    expect(await results.textContent()).toContain('Totals of 2 rounds.');
    await page.screenshot({ path: '/tmp/vote-rounds.png' });

    // A reload keeps the rounds with the journey.
    await page.reload();
    await results.getByRole('radio', { name: 'All rounds' }).check();
    await expect.poll(() => rows.count()).toBe(3);
    expect(await votesOn(TRACKING)).toBe('▲ 10 votes');
    await context.close();
  });
});

describe('dot voting in a live session', () => {
  it('lets each participant spend their own three dots; a fourth is refused; both screens show the same totals', async () => {
    const host = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const guest = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const { edit } = await startSharing(host.page);
    await joinBy(guest.page, edit, 'Kenji');

    await host.page.getByRole('button', { name: 'Vote settings' }).click();
    const dialog = host.page.getByRole('dialog', { name: 'Vote settings' });
    // Live, each participant spends their own dots: there is no head count to give.
    expect(await dialog.getByRole('spinbutton', { name: 'People in the room' }).count()).toBe(0);
    await dialog.getByRole('spinbutton', { name: 'Dots per person' }).fill('3');
    await dialog.getByRole('button', { name: 'Start vote' }).click();

    const give = (page: Page, title: string) => page.getByRole('button', { name: `Vote for ${title}`, exact: true });
    const left = (page: Page) => page.getByRole('status').filter({ hasText: 'dots left' });
    await give(guest.page, SLOT).waitFor();
    expect(await left(guest.page).textContent()).toBe('3 of 3 dots left');

    for (const title of [SLOT, SLOT, TRACKING]) await give(host.page, title).click();
    for (const title of [SLOT, FIRM, TRACKING]) await give(guest.page, title).click();
    for (const page of [host.page, guest.page]) {
      expect(await left(page).textContent()).toBe('0 of 3 dots left');
      await expect.poll(() => give(page, FIRM).isDisabled()).toBe(true);
    }
    // Each sees everyone's dots as they come, in each person's colour.
    const tally = (page: Page, title: string) =>
      page.locator('.react-flow__node', { has: give(page, title) }).locator('.vote-strip__count');
    for (const page of [host.page, guest.page]) {
      await expect.poll(() => tally(page, SLOT).textContent()).toBe('3');
      await expect.poll(() => tally(page, TRACKING).textContent()).toBe('2');
      await expect.poll(() => tally(page, FIRM).textContent()).toBe('1');
    }
    // A dot taken back by the guest frees one of the guest's, not the host's.
    await guest.page.getByRole('button', { name: `Remove vote for ${SLOT}`, exact: true }).click();
    expect(await left(guest.page).textContent()).toBe('1 of 3 dots left');
    expect(await left(host.page).textContent()).toBe('0 of 3 dots left');
    await give(guest.page, FIRM).click();
    await guest.page.screenshot({ path: '/tmp/vote-live.png' });

    await host.page.getByRole('button', { name: 'Close vote' }).click();
    for (const page of [host.page, guest.page]) {
      const rows = page.getByRole('region', { name: 'Vote results' }).getByRole('listitem');
      await expect.poll(() => rows.count()).toBe(3);
      expect(await rows.allTextContents()).toEqual([
        expect.stringContaining(`${SLOT}2 votes`),
        expect.stringContaining(`${TRACKING}2 votes`),
        expect.stringContaining(`${FIRM}2 votes`),
      ]);
    }
    // The dots the host added (to the demo's 2) reach the guest's journey too.
    for (const page of [host.page, guest.page])
      await expect.poll(async () => (await exportedCards(page))[FIRM]!.votes).toBe(4);
    await host.context.close();
    await guest.context.close();
  });
});
