import { describe, expect, it } from 'vitest';
import {
  baseUrl,
  journeyTitles,
  withSharedBrowser,
  launchProcess,
  openApp,
  renameJourney,
  tempProfile,
} from './browser';

const browser = withSharedBrowser();

describe('never losing work', () => {
  it('keeps an edit across a reload', async () => {
    const { context, page } = await openApp(browser());
    await renameJourney(page, 'Moving broadband — George', 'George moves house');
    await page.reload();
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    expect(await journeyTitles(page)).toContain('George moves house');
    expect(await journeyTitles(page)).not.toContain('Moving broadband — George');
    await context.close();
  });

  it('keeps an edit made 600 ms before the browser process is killed', async () => {
    const profile = tempProfile();
    try {
      const first = await launchProcess(profile.dir);
      const page = await first.browser.contexts()[0]!.newPage();
      await page.goto(baseUrl() + '/');
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await renameJourney(page, 'Moving broadband — Priya', 'Priya, renamed just before the crash');
      await page.waitForTimeout(600);
      await first.kill();

      const second = await launchProcess(profile.dir);
      const again = await second.browser.contexts()[0]!.newPage();
      await again.goto(baseUrl() + '/');
      await again.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await again.getByRole('link', { name: 'Priya, renamed just before the crash' }).waitFor();
      expect(await journeyTitles(again)).not.toContain('Moving broadband — Priya');
      // The demo is not seeded a second time.
      expect(await journeyTitles(again)).toHaveLength(2);
      await second.kill();
    } finally {
      profile.remove();
    }
  });

  it('shows a change made in one tab in the other within a second', async () => {
    const { context, page: a } = await openApp(browser());
    const b = await context.newPage();
    await b.goto(baseUrl() + '/');
    await b.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();

    await renameJourney(a, 'Moving broadband — Priya', 'Renamed in tab A');
    const started = Date.now();
    await b.getByRole('link', { name: 'Renamed in tab A' }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);

    // Each tab changes a different journey: neither overwrites the other.
    await renameJourney(b, 'Moving broadband — George', 'Renamed in tab B');
    await a.getByRole('link', { name: 'Renamed in tab B' }).waitFor({ timeout: 1000 });
    for (const page of [a, b]) {
      expect((await journeyTitles(page)).sort()).toEqual(['Renamed in tab A', 'Renamed in tab B']);
    }
    await a.reload();
    await a.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    expect((await journeyTitles(a)).sort()).toEqual(['Renamed in tab A', 'Renamed in tab B']);

    // An open journey follows too.
    await b.getByRole('link', { name: 'Renamed in tab B' }).click();
    await b.getByRole('heading', { level: 1, name: 'Renamed in tab B' }).waitFor();
    await renameJourney(a, 'Renamed in tab B', 'George, third title');
    await b.getByRole('heading', { level: 1, name: 'George, third title' }).waitFor({ timeout: 1000 });
    await context.close();
  });
});

describe('storage problems', () => {
  it('says so when the browser offers no IndexedDB, and keeps working in memory', async () => {
    const context = await browser().newContext();
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('alert', { name: /does not let Journey Canvas store data/ }).waitFor();
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    await renameJourney(page, 'Moving broadband — Priya', 'Still editable in memory');
    // A modal dialog hides the page from assistive technology, but not the storage problem or a
    // message that comes while it is open.
    await page.getByRole('button', { name: 'New journey' }).click();
    await page.getByRole('dialog', { name: 'New journey' }).waitFor();
    expect(await page.getByRole('alert', { name: /does not let Journey Canvas store data/ }).count()).toBe(1);
    expect(await page.getByRole('status', { name: 'Journey renamed' }).count()).toBe(1);
    // Work that lives only in this tab: leaving the page asks first.
    const warned = await page.evaluate(() => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    });
    expect(warned).toBe(true);
    await context.close();
  });
});
