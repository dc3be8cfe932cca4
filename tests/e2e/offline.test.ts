import { describe, expect, it } from 'vitest';
import { baseUrl, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

describe('offline', () => {
  it('after one visit, opens, edits and exports with the network off, and keeps it all when back online', async () => {
    const { context, page } = await openApp(browser());
    // The service worker has taken the app's files (every chunk: exports, templates, languages).
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();

    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    const add = page.getByRole('button', { name: /^Add card to Pain points in / }).first();
    await add.click();
    await page.keyboard.type('Router lost in the post');
    await page.getByRole('button', { name: 'Pain points: Router lost in the post', exact: true }).waitFor();
    await page.keyboard.press('Escape');

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'PNG image' }).click();
    const png = await downloading;
    const bytes = await (await import('node:fs/promises')).readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(png.suggestedFilename()).toMatch(/\.png$/);

    // A template, offline too.
    await page.getByRole('link', { name: 'Journeys' }).first().click();
    await page.getByRole('button', { name: 'New journey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New journey' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Offline booking');
    await dialog
      .getByRole('combobox', { name: 'Template' })
      .selectOption({ label: 'Booking and rescheduling an appointment' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { name: 'Offline booking', level: 1 }).waitFor();

    await context.setOffline(false);
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.reload();
    await page.getByRole('link', { name: 'Offline booking' }).waitFor();
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    await page.getByRole('button', { name: 'Pain points: Router lost in the post', exact: true }).waitFor();
    await context.close();
  });
});

describe('a menu whose code cannot be fetched', () => {
  it('says so when pressed, and opens at the next press once the code arrives', async () => {
    const context = await browser().newContext({ serviceWorkers: 'block' });
    let refuse = true;
    await context.route(/\/assets\/MenuImpl-/, (route) => (refuse ? route.abort() : route.continue()));
    const page = await context.newPage();
    await page.goto(baseUrl() + '/');
    await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    const actions = page.getByRole('button', { name: 'Actions for Moving broadband — George', exact: true });
    await actions.click();
    await page.getByRole('alert', { name: /This menu could not be loaded/ }).waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0);

    refuse = false;
    await actions.click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).waitFor();
    await context.close();
  });
});
