import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createJourney, journeyTitles, openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

const undoButton = (page: Page) => page.getByRole('toolbar').getByRole('button', { name: 'Undo', exact: true });

async function openJourney(page: Page, title: string) {
  await page.getByRole('link', { name: 'Journeys', exact: true }).click();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('undo belongs to the open journey', () => {
  it('never reaches another journey, and never deletes a new one', async () => {
    const { context, page } = await openApp(browser());
    await openJourney(page, 'Moving broadband — Priya');
    await page
      .getByRole('button', { name: /^Rename stage / })
      .first()
      .click();
    const name = page.getByRole('textbox', { name: 'Stage name' });
    await name.fill('Renamed in Priya');
    await name.press('Enter');
    await page.getByRole('group', { name: 'Stage Renamed in Priya' }).waitFor();
    expect(await undoButton(page).isEnabled()).toBe(true);

    await openJourney(page, 'Moving broadband — George');
    expect(await undoButton(page).isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    expect((await journeyTitles(page)).sort()).toEqual(['Moving broadband — George', 'Moving broadband — Priya']);
    await openJourney(page, 'Moving broadband — Priya');
    await page.getByRole('group', { name: 'Stage Renamed in Priya' }).waitFor();

    // Back in Priya's journey, its own step is still there to undo.
    await undoButton(page).click();
    await expect.poll(() => page.getByRole('group', { name: 'Stage Renamed in Priya' }).count()).toBe(0);
    expect(await undoButton(page).isDisabled()).toBe(true);

    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await createJourney(page, 'Brand new');
    expect(await undoButton(page).isDisabled()).toBe(true);
    await page.keyboard.press('Control+z');
    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    expect(await journeyTitles(page)).toContain('Brand new');
    await context.close();
  });

  it('Ctrl+Enter on a clicked card adds the next card and leaves the clicked one as it was', async () => {
    const { context, page } = await openApp(browser());
    await openJourney(page, 'Moving broadband — Priya');
    const first = page.locator('.card').first();
    const name = (await first.getAttribute('aria-label'))!;
    await first.click();
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    await page.keyboard.press('Control+Enter');
    await page.keyboard.type('The next idea');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const lane = name.slice(0, name.indexOf(':'));
    await page.getByRole('button', { name: `${lane}: The next idea`, exact: true }).waitFor();
    expect(await page.getByRole('button', { name, exact: true }).count()).toBe(1);

    // The same from the in-place title editor: its text is kept and a new card follows.
    await page.getByRole('button', { name, exact: true }).dblclick();
    const inline = page.getByRole('textbox', { name: 'Card title' });
    await inline.fill('Edited in place');
    await inline.press('Control+Enter');
    await page.keyboard.type('After the edited one');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `${lane}: Edited in place`, exact: true }).waitFor();
    await page.getByRole('button', { name: `${lane}: After the edited one`, exact: true }).waitFor();
    await context.close();
  });
});
