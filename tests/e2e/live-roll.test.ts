import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The Participants list as one screen shows it: each name with whether it is connected, sorted. */
async function roll(page: Page): Promise<string[]> {
  const items = page.getByRole('list', { name: 'Participants' }).getByRole('listitem');
  const texts = await items.allTextContents();
  return texts.map((t) => t.replace(' (you)', '').trim()).sort();
}

describe('the Participants list', () => {
  it('is the same on every screen, a late joiner’s too: who is here, and who has left', async () => {
    const host = await openApp(browser());
    const { edit } = await startSharing(host.page);
    const kenji = await openApp(browser());
    await joinBy(kenji.page, edit, 'Kenji');
    const amara = await openApp(browser());
    await joinBy(amara.page, edit, 'Amara');
    const everyone = ['Amara', 'Fatima (facilitator)', 'Kenji'];
    for (const page of [host.page, kenji.page, amara.page]) await expect.poll(() => roll(page)).toEqual(everyone);

    // Amara leaves; Dev joins after she has gone, and never saw her.
    await amara.page.getByRole('button', { name: 'Leave live session' }).click();
    await amara.context.close();
    const dev = await openApp(browser());
    await joinBy(dev.page, edit, 'Dev');
    const after = ['Amara (not connected)', 'Dev', 'Fatima (facilitator)', 'Kenji'];
    for (const page of [host.page, kenji.page, dev.page]) await expect.poll(() => roll(page)).toEqual(after);
    for (const c of [host, kenji, dev]) await c.context.close();
  });
});
