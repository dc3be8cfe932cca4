import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, readDownload, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would, and checks
 * at every stop that the focused control shows it: a visible outline or ring.
 */
async function tabTo(page: Page, target: Locator, { back = false, max = 250 } = {}): Promise<void> {
  const handle = await target.elementHandle();
  for (let i = 0; i < max; i++) {
    const state = await page.evaluate((el) => {
      const active = document.activeElement as HTMLElement | null;
      if (!active || active === document.body) return { here: false, shown: true, what: 'body' };
      const style = getComputedStyle(active);
      const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
      const shadow = style.boxShadow !== 'none';
      return {
        here: active === el,
        shown: ring || shadow,
        what: `${active.tagName} ${active.getAttribute('aria-label') ?? active.textContent?.slice(0, 40) ?? ''}`,
      };
    }, handle);
    if (i > 0) expect(state.shown, `focus is visible on ${state.what}`).toBe(true);
    if (state.here) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

async function press(page: Page, target: Locator, key = 'Enter', options?: { back?: boolean }) {
  await tabTo(page, target, options);
  await page.keyboard.press(key);
}

describe('keyboard only', () => {
  it('builds a small journey with the keyboard alone: stages, a lane, cards of several kinds, a connection, a score, a vote, an export', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });

    await press(page, page.getByRole('button', { name: 'New journey' }));
    const title = page.getByRole('dialog', { name: 'New journey' }).getByRole('textbox', { name: 'Title' });
    await expect.poll(() => title.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Renewing a passport');
    await press(page, page.getByRole('dialog', { name: 'New journey' }).getByRole('button', { name: 'Create' }));
    await page.getByRole('heading', { level: 1, name: 'Renewing a passport' }).waitFor();

    // A stage, named as it is added.
    await press(page, page.getByRole('button', { name: 'Add stage' }));
    await page.getByRole('textbox', { name: 'Stage name' }).waitFor();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Collect');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Stage Collect' }).waitFor();

    // A lane, from the Add lane menu, with arrow keys.
    await press(page, page.getByRole('button', { name: 'Add lane' }));
    await page.getByRole('menuitem', { name: 'Metrics' }).waitFor();
    for (
      let i = 0;
      i < 12 &&
      !(await page.getByRole('menuitem', { name: 'Metrics' }).evaluate((el) => el === document.activeElement));
      i++
    )
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Add card to Metrics in Collect' }).waitFor();

    // Cards: Enter on a cell's ＋ adds one with its Title focused.
    const details = page.getByRole('region', { name: 'Card details' });
    await press(page, page.getByRole('button', { name: 'Add card to Actions in Awareness' }));
    await page.keyboard.type('Finds the form online');
    await press(page, page.getByRole('button', { name: 'Add card to Pain points in Consideration' }));
    await page.keyboard.type('Photo rules unclear');
    await tabTo(page, details.getByRole('combobox', { name: 'Severity' }));
    await page.keyboard.type('High'); // a native select picks an option by its first letters
    await expect.poll(() => details.getByRole('combobox', { name: 'Severity' }).inputValue()).toBe('high');
    await press(page, page.getByRole('button', { name: 'Add card to Opportunities in Consideration' }));
    await page.keyboard.type('Photo checker');
    await press(page, page.getByRole('button', { name: 'Add card to Emotions in Collect' }));
    await page.keyboard.type('Relieved');
    // A score, raised with the arrow key.
    await press(page, details.getByRole('spinbutton', { name: 'Score' }), 'ArrowUp');
    await expect.poll(() => details.getByRole('spinbutton', { name: 'Score' }).inputValue()).toBe('1');

    // A connection from the selected card, chosen in Connect to.
    await press(page, page.getByRole('button', { name: 'Pain points: Photo rules unclear', exact: true }));
    await details.getByRole('combobox', { name: 'Connect to' }).waitFor();
    await tabTo(page, details.getByRole('combobox', { name: 'Connect to' }));
    await page.keyboard.type('Opportunities');
    await expect.poll(() => details.getByRole('combobox', { name: 'Connect to' }).inputValue()).not.toBe('');
    await press(page, details.getByRole('button', { name: 'Add connection' }));
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    // The card that was added is told politely, without stealing the focus.
    await expect.poll(() => page.getByTestId('announcer').textContent()).not.toBe('');
    await page.keyboard.press('Escape');

    // A vote on the opportunity.
    await press(page, page.getByRole('button', { name: 'Start vote' }), 'Enter', { back: true });
    await press(page, page.getByRole('button', { name: 'Vote for Photo checker' }));
    await page.getByRole('button', { name: 'Remove vote for Photo checker' }).waitFor();
    await press(page, page.getByRole('button', { name: 'Close vote' }), 'Enter', { back: true });
    await page.getByRole('region', { name: 'Vote results' }).waitFor();

    // The export menu, opened and used with the keyboard.
    await press(page, page.getByRole('button', { name: 'Export' }), 'Enter', { back: true });
    await page.getByRole('menuitem', { name: 'JSON file' }).waitFor();
    const downloading = page.waitForEvent('download');
    for (
      let i = 0;
      i < 12 &&
      !(await page.getByRole('menuitem', { name: 'JSON file' }).evaluate((el) => el === document.activeElement));
      i++
    )
      await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const file = JSON.parse(await readDownload(await downloading)) as {
      journeys: { title: string; stages: { name: string }[] }[];
      cards?: unknown;
    };
    const journey = file.journeys[0]!;
    expect(journey.title).toBe('Renewing a passport');
    expect(journey.stages.map((s) => s.name)).toContain('Collect');
    const text = JSON.stringify(file);
    for (const title of ['Finds the form online', 'Photo rules unclear', 'Photo checker', 'Relieved'])
      expect(text).toContain(title);
    await context.close();
  });
});
