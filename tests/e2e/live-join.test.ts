import { describe, expect, it } from 'vitest';
import { journeyTitles, openApp, withSharedBrowser } from './browser';
import { card, JOURNEY, renameCard, startSharing } from './live-helpers';

const browser = withSharedBrowser();

describe('joining a live session', () => {
  it('fetches the journey while the name is typed, showing how far, unseen until Join', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    const { edit } = await startSharing(host.page);
    const people = host.page.getByRole('list', { name: 'Participants' });
    await expect.poll(() => people.getByRole('listitem').count()).toBe(1);
    const cards = await host.page.locator('.react-flow__node-card').count();

    await guest.page.goto(edit);
    const dialog = guest.page.getByRole('dialog', { name: 'Join live session' });
    const bar = dialog.getByRole('progressbar', { name: 'Opening the live journey' });
    await bar.waitFor();
    // Before any name is given, the journey is here, and the dialog says so.
    const ready = `The journey is here: ${cards} cards`;
    await dialog.getByRole('status').getByText(ready).waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toBe(ready);
    expect(await bar.evaluate((el: HTMLProgressElement) => el.value === el.max)).toBe(true);
    // The room sees no one new until the name is given and Join pressed.
    expect(await people.getByRole('listitem').count()).toBe(1);

    // The facilitator changes a card meanwhile: the map opened by Join has it.
    const first = (await host.page.locator('.card').first().getAttribute('aria-label'))!;
    const [lane] = first.split(':');
    await renameCard(host.page, first, 'Changed while Kenji typed');
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Kenji');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await guest.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await card(guest.page, `${lane}: Changed while Kenji typed`).waitFor();
    await expect.poll(() => guest.page.locator('.react-flow__node-card').count()).toBe(cards);
    await expect
      .poll(async () => (await people.getByRole('listitem').allTextContents()).some((t) => t.includes('Kenji')))
      .toBe(true);

    // Joined, the guest's own changes reach the room as before.
    await renameCard(guest.page, `${lane}: Changed while Kenji typed`, 'Kenji was here');
    await card(host.page, `${lane}: Kenji was here`).waitFor();
    await host.context.close();
    await guest.context.close();
  });

  it('lets the room go when the link is left without joining', async () => {
    const host = await openApp(browser());
    const guest = await openApp(browser());
    const { edit } = await startSharing(host.page);
    await guest.page.goto(edit);
    const dialog = guest.page.getByRole('dialog', { name: 'Join live session' });
    await dialog
      .getByRole('status')
      .getByText(/^The journey is here/)
      .waitFor();
    await guest.page.keyboard.press('Escape');
    await guest.page.getByRole('heading', { level: 1, name: 'Journeys' }).waitFor();
    // Nothing of the room was added here, and the link still opens it.
    expect(await guest.page.getByRole('link', { name: JOURNEY }).count()).toBe(1);
    await guest.page.goto(edit);
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ana');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await guest.page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await host.context.close();
    await guest.context.close();
  });

  it('asks for the name while a first visit sets up the workspace, and adds the journey to it', async () => {
    const host = await openApp(browser());
    const { edit } = await startSharing(host.page);
    const cards = await host.page.locator('.react-flow__node-card').count();
    // A browser that has never opened the app: the link is its first page.
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    await page.goto(edit);
    const dialog = page.getByRole('dialog', { name: 'Join live session' });
    await dialog.getByRole('textbox', { name: 'Your name' }).fill('Ana');
    await dialog.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
    await expect.poll(() => page.locator('.react-flow__node-card').count()).toBe(cards);
    // The first visit's own workspace is there too, beside the journey joined, after a reload too.
    for (const again of [false, true]) {
      if (again) await page.reload();
      await page.getByRole('link', { name: 'Journeys', exact: true }).click();
      // The seed's own copy of the demo journey, and the one joined.
      expect((await journeyTitles(page)).filter((t) => t === JOURNEY)).toHaveLength(2);
    }
    await host.context.close();
    await context.close();
  });
});
