import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { card, joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

const HOST = 'Fatima (facilitator)';
const details = (page: Page) => page.getByRole('region', { name: 'Card details' });
const title = (page: Page) => details(page).getByRole('textbox', { name: 'Title', exact: true });

/** A host and a participant in one live session, both with `Card details` of one card open. */
async function twoOnOneCard(guestName: string) {
  const host = await openApp(browser());
  const guest = await openApp(browser());
  const { edit } = await startSharing(host.page);
  await joinBy(guest.page, edit, guestName);
  await expect.poll(() => host.page.getByRole('list', { name: 'Participants' }).getByRole('listitem').count()).toBe(2);
  const label = (await host.page.locator('.card').nth(4).getAttribute('aria-label'))!;
  const before = label.slice(label.indexOf(': ') + 2);
  for (const { page } of [host, guest]) {
    await card(page, label).click();
    await expect.poll(() => title(page).inputValue()).toBe(before);
  }
  return { host, guest, before, label };
}

describe('one text field, two people in a live session', () => {
  it('is held by whoever types in it first: the other sees who, cannot type there, and gets it once let go', async () => {
    const { host, guest, before, label } = await twoOnOneCard('Dev');
    const lane = label.slice(0, label.indexOf(': '));

    // Dev types in the title: the facilitator is told, in Card details and on the card.
    await title(guest.page).focus();
    await guest.page.keyboard.press('Control+End');
    await guest.page.keyboard.type(' with', { delay: 20 });
    const status = details(host.page).getByRole('status').filter({ hasText: 'Dev is editing the title' });
    await status.waitFor();
    expect(await title(host.page).isEditable()).toBe(false);
    // Read-only, not disabled: it can still be reached and read.
    expect(await title(host.page).isDisabled()).toBe(false);
    await host.page.locator('.card__editing', { hasText: 'Dev is editing' }).waitFor();

    // The facilitator's keys change nothing while Dev types on, key by key.
    await title(host.page).focus();
    await host.page.keyboard.press('Control+End');
    await Promise.all([
      guest.page.keyboard.type(' sample data', { delay: 40 }),
      host.page.keyboard.type(' for new teams', { delay: 30 }),
    ]);
    const kept = `${before} with sample data`;
    for (const page of [guest.page, host.page]) {
      await expect.poll(() => title(page).inputValue()).toBe(kept);
      await card(page, `${lane}: ${kept}`).waitFor();
    }
    expect(await details(host.page).getByRole('alert').count()).toBe(0);

    // Dev leaves the field: it is the facilitator's to edit.
    await title(guest.page).evaluate((el) => (el as HTMLElement).blur());
    await expect.poll(() => status.count()).toBe(0);
    expect(await host.page.locator('.card__editing').count()).toBe(0);
    expect(await title(host.page).isEditable()).toBe(true);
    await title(host.page).focus();
    await host.page.keyboard.press('Control+End');
    await host.page.keyboard.type(' for new teams', { delay: 20 });
    await details(guest.page)
      .getByRole('status')
      .filter({ hasText: `${HOST} is editing the title` })
      .waitFor();
    for (const page of [guest.page, host.page])
      await expect.poll(() => title(page).inputValue()).toBe(`${kept} for new teams`);
    for (const c of [host, guest]) await c.context.close();
  });

  it('when both start typing in it at the same moment, keeps one person’s text on every screen and hands the other theirs back', async () => {
    const { host, guest, before } = await twoOnOneCard('Dev');
    // Both pages focus the title and type into it in one go, at one instant: each has typed
    // before it can hear of the other.
    const at = Date.now() + 400;
    const typeAt = (page: Page, text: string) =>
      title(page).evaluate(
        (el, { text, at }) => {
          const field = el as HTMLTextAreaElement;
          while (Date.now() < at) {
            // Waits without letting anything from the room in.
          }
          field.focus();
          field.setSelectionRange(field.value.length, field.value.length);
          document.execCommand('insertText', false, text);
        },
        { text, at },
      );
    await Promise.all([typeAt(guest.page, ' with sample data'), typeAt(host.page, ' for new teams')]);

    const texts = { [HOST]: `${before} for new teams`, Dev: `${before} with sample data` };
    const onScreen = await (async () => {
      let shown = '';
      await expect
        .poll(async () => {
          const [a, b] = [await title(host.page).inputValue(), await title(guest.page).inputValue()];
          shown = a === b ? a : '';
          return Object.values(texts).includes(shown);
        })
        .toBe(true);
      return shown;
    })();
    const winner = onScreen === texts.Dev ? 'Dev' : HOST;
    const [held, lost] = winner === 'Dev' ? [guest, host] : [host, guest];
    const loser = winner === 'Dev' ? HOST : 'Dev';

    // The one whose text lost is told so, and offered it back; the field shows the kept text, read-only.
    await details(lost.page)
      .getByRole('alert')
      .filter({ hasText: `Your text was not kept: ${winner} was editing the title` })
      .waitFor();
    expect(await details(lost.page).getByRole('textbox', { name: 'Your text' }).inputValue()).toBe(texts[loser]);
    await details(lost.page).getByRole('button', { name: 'Copy my text' }).waitFor();
    await details(lost.page)
      .getByRole('status')
      .filter({ hasText: `${winner} is editing the title` })
      .waitFor();
    expect(await title(lost.page).isEditable()).toBe(false);
    expect(await details(held.page).getByRole('alert').count()).toBe(0);

    // A moment later, every screen still shows the kept text, whole.
    await host.page.waitForTimeout(500);
    for (const page of [host.page, guest.page]) expect(await title(page).inputValue()).toBe(texts[winner]);

    // Once let go, the field is the other's again; dismissing the notice removes it.
    await title(held.page).evaluate((el) => (el as HTMLElement).blur());
    await expect.poll(() => title(lost.page).isEditable()).toBe(true);
    await details(lost.page).getByRole('button', { name: 'Dismiss' }).click();
    expect(await details(lost.page).getByRole('alert').count()).toBe(0);
    for (const c of [host, guest]) await c.context.close();
  });
});
