import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { card, joinBy, renameCard, startSharing } from './live-helpers';

const browser = withSharedBrowser();

const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live session', exact: true });
const cardTitles = (page: Page) =>
  page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label') ?? ''));

interface Person {
  name: string;
  context: BrowserContext;
  page: Page;
}

describe('an offline change that the merge did not keep', () => {
  it('is told to its writer once back online (a reload between), naming the card, the field and whose change was kept, with the text to copy', async () => {
    const host = await openApp(browser());
    await host.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { edit } = await startSharing(host.page);
    const guest = await openApp(browser());
    await guest.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await joinBy(guest.page, edit, 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();
    const people: Person[] = [
      { name: 'Kenji', ...guest },
      { name: 'Fatima (facilitator)', ...host },
    ];
    let label = (await guest.page.locator('.card').nth(1).getAttribute('aria-label'))!;
    const lane = label.split(':')[0]!;

    // Of two changes of one field made at once, the merge keeps one of them, the same everywhere
    // but not chosen by time. One who wrote offline and won has nothing to be told; with the roles
    // the other way round, the other's change may win (each reload draws new Yjs client ids, so
    // which one wins is a draw: the roles take turns until one loses).
    const rounds: [Person, Person][] = [0, 1, 2, 3, 4, 5].map((i) =>
      i % 2 === 0 ? [people[0]!, people[1]!] : [people[1]!, people[0]!],
    );
    let told = false;
    for (const [round, [offline, online]] of rounds.entries()) {
      const mine = `Written offline by ${offline.name}, round ${round}`;
      const theirs = `Written online by ${online.name}, round ${round}`;
      // The page opens again with no network, from its service worker.
      await expect
        .poll(() => offline.page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
        .toBe(true);
      await offline.context.setOffline(true);
      await liveStatus(offline.page)
        .getByText(/Offline/)
        .waitFor();
      await renameCard(offline.page, label, mine);
      await renameCard(online.page, label, theirs);
      // Reloaded before the network is back: what was written offline is still known as such.
      await offline.page.reload();
      await card(offline.page, `${lane}: ${mine}`).waitFor();
      await liveStatus(offline.page)
        .getByText(/Offline/)
        .waitFor();
      await offline.context.setOffline(false);
      await liveStatus(offline.page).getByText('Live: connected').waitFor();
      // The same title on both screens: the merge is done.
      await expect
        .poll(async () => {
          const [a, b] = [await cardTitles(offline.page), await cardTitles(online.page)];
          return (
            JSON.stringify(a) === JSON.stringify(b) &&
            (a.includes(`${lane}: ${mine}`) || a.includes(`${lane}: ${theirs}`))
          );
        })
        .toBe(true);
      const kept = (await cardTitles(offline.page)).includes(`${lane}: ${mine}`) ? mine : theirs;
      label = `${lane}: ${kept}`;
      if (kept === mine) {
        // Kept: nothing to tell.
        expect(await offline.page.getByRole('alert').filter({ hasText: 'Your offline change' }).count()).toBe(0);
        continue;
      }
      const notice = offline.page.locator('.offline-losses');
      await notice
        .getByRole('alert')
        .filter({ hasText: `Your offline change to the title of “${theirs}” was replaced by ${online.name}’s.` })
        .waitFor();
      expect(await notice.getByRole('textbox', { name: 'Your text' }).inputValue()).toBe(mine);
      await notice.getByRole('button', { name: 'Copy my text' }).click();
      await expect.poll(() => offline.page.evaluate(() => navigator.clipboard.readText())).toBe(mine);
      // It stays until read, whatever else happens on the map.
      await card(offline.page, label).click();
      await offline.page.keyboard.press('Escape');
      await notice.getByRole('button', { name: 'Dismiss' }).click();
      await expect.poll(() => offline.page.locator('.offline-losses').count()).toBe(0);
      // The one online was never offline: told nothing.
      expect(await online.page.locator('.offline-losses').count()).toBe(0);
      told = true;
      break;
    }
    expect(told).toBe(true);
    for (const c of [host, guest]) await c.context.close();
  });
});
