import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARED_EXAMPLES } from '../helpers/examples';
import { generateJourneyFile } from '../bench/generate.mjs';
import { openApp, settledBox, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

async function openAppointment(page: Page) {
  await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/appointment-reschedule.journey.json`);
  await page.getByRole('link', { name: 'Rescheduling an appointment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rescheduling an appointment' }).waitFor();
}

const card = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const cardCount = (page: Page) => page.locator('.card').count();
const centre = async (page: Page, name: string) => {
  const b = await settledBox(card(page, name));
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
};

async function dragBy(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 12, from.y + ((to.y - from.y) * i) / 12);
}

describe('journey editor interactions', () => {
  it('selects several cards with Shift, deletes them with Delete, and undo brings them back', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await card(page, 'Thoughts: Why do they ask for my ID again?').click();
    await card(page, 'Backstage: Scheduling system updated by the agent').click({ modifiers: ['Shift'] });
    await page.getByRole('region', { name: 'Card details' }).getByText('2 cards selected').waitFor();
    await page.keyboard.press('Delete');
    await expect.poll(() => cardCount(page)).toBe(14);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cardCount(page)).toBe(16);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('region', { name: 'Card details' }).count()).toBe(0);
    await context.close();
  });

  it('copies, pastes and duplicates cards with the keyboard, and edits a title in place', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await card(page, 'Goals: Move the appointment to 11 March, same time').click();
    await page.keyboard.press('Control+d');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Goals: Move the appointment to 11 March, same time', exact: true }).count(),
      )
      .toBe(2);
    await card(page, 'Thoughts: Why do they ask for my ID again?').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect
      .poll(() => page.getByRole('button', { name: 'Thoughts: Why do they ask for my ID again?', exact: true }).count())
      .toBe(2);
    await expect.poll(() => cardCount(page)).toBe(18);

    await card(page, 'Actions: Realises the 12 March slot clashes with work').dblclick();
    const inline = page.getByRole('textbox', { name: 'Card title' });
    await inline.fill('Sees the clash with a work trip');
    await inline.press('Enter');
    await card(page, 'Actions: Sees the clash with a work trip').waitFor();
    // Enter on a focused card selects it; Enter again edits its title.
    await card(page, 'Actions: Sees the clash with a work trip').focus();
    await page.keyboard.press('Escape');
    await card(page, 'Actions: Sees the clash with a work trip').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: 'Card title' }).press('Escape');
    await context.close();
  });

  it('frames the map anew as Card details opens and closes, before anything is drawn in between', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const name = 'Goals: Move the appointment to 11 March, same time';
    const closed = await settledBox(card(page, name));
    await card(page, name).click();
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    // Read at once, the card is already where it settles: a click aimed at it now lands on it.
    const open = (await card(page, name).boundingBox())!;
    expect(open).toEqual(await settledBox(card(page, name)));
    expect(open.x).not.toBeCloseTo(closed.x, 0);
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Card details' }).waitFor({ state: 'detached' });
    expect((await card(page, name).boundingBox())!).toEqual(closed);
    await context.close();
  });

  it('drags a card to another cell, showing where it will land', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const from = await centre(page, 'Backstage: Scheduling system updated by the agent');
    const stage = (await page.getByRole('group', { name: 'Stage Follow-up' }).boundingBox())!;
    await dragBy(page, from, { x: stage.x + stage.width / 2, y: from.y });
    expect(await page.locator('.drop-indicator').count()).toBe(1);
    await page.mouse.up();
    const where = page.getByRole('region', { name: 'Card details' }).locator('.details__where');
    await expect.poll(() => where.textContent()).toBe('Backstage · Follow-up');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => where.textContent()).toBe('Backstage · Resolution');
    await context.close();
  });

  it('drags several selected cards together, and Escape during a drag puts a card back', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const details = page.getByRole('region', { name: 'Card details' });
    const where = details.locator('.details__where');
    // Escape: the card stays where it was and nothing is left of the drag.
    await card(page, 'Backstage: Scheduling system updated by the agent').click();
    const followUp = async () => (await page.getByRole('group', { name: 'Stage Follow-up' }).boundingBox())!;
    let from = await centre(page, 'Backstage: Scheduling system updated by the agent');
    let stage = await followUp();
    await dragBy(page, from, { x: stage.x + stage.width / 2, y: from.y });
    expect(await page.locator('.drop-indicator').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(await page.locator('.drop-indicator, .card-ghost').count()).toBe(0);
    await expect.poll(() => where.textContent()).toBe('Backstage · Resolution');
    // Nothing was done in this journey (its import is undone from the Journeys screen): Escape moved nothing.
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
    const within = async (name: string) => {
      const b = (await card(page, name).boundingBox())!;
      const stage = await followUp();
      return b.x >= stage.x - 1 && b.x + b.width <= stage.x + stage.width + 1;
    };
    expect(await within('Backstage: Scheduling system updated by the agent')).toBe(false);

    // Two selected cards move together, into the cell under the card that is held.
    await card(page, 'Thoughts: Why do they ask for my ID again?').click({ modifiers: ['Shift'] });
    await details.getByText('2 cards selected').waitFor();
    from = await centre(page, 'Backstage: Scheduling system updated by the agent');
    stage = await followUp();
    await dragBy(page, from, { x: stage.x + stage.width / 2, y: from.y });
    await page.mouse.up();
    await expect.poll(() => within('Backstage: Scheduling system updated by the agent')).toBe(true);
    await expect.poll(() => within('Backstage: Why do they ask for my ID again?')).toBe(true);
    await details.getByText('2 cards selected').waitFor();
    await page.keyboard.press('Control+z');
    await card(page, 'Thoughts: Why do they ask for my ID again?').waitFor();
    expect(await within('Backstage: Scheduling system updated by the agent')).toBe(false);
    await context.close();
  });

  it('drags cards chosen with a Shift-drag box together', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const email = 'Touchpoints: Sends an email with ID and new date';
    const whatsapp = 'Touchpoints: Writes to the WhatsApp number for a faster answer';
    const a = await settledBox(card(page, email));
    const b = await settledBox(card(page, whatsapp));
    await page.keyboard.down('Shift');
    await page.mouse.move(a.x - 6, a.y - 6);
    await page.mouse.down();
    await page.mouse.move(b.x + b.width + 6, b.y + b.height + 6, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    const details = page.getByRole('region', { name: 'Card details' });
    await details.getByText('2 cards selected').waitFor();
    const from = await centre(page, email);
    const stage = (await page.getByRole('group', { name: 'Stage Follow-up' }).boundingBox())!;
    await dragBy(page, from, { x: stage.x + stage.width / 2, y: from.y });
    expect(await page.locator('.card-ghost').count()).toBe(2);
    await page.mouse.up();
    const inFollowUp = async (name: string) => {
      const c = (await card(page, name).boundingBox())!;
      const s = (await page.getByRole('group', { name: 'Stage Follow-up' }).boundingBox())!;
      return c.x >= s.x - 1 && c.x + c.width <= s.x + s.width + 1;
    };
    await expect.poll(() => inFollowUp(email)).toBe(true);
    await expect.poll(() => inFollowUp(whatsapp)).toBe(true);
    await context.close();
  });

  it('scrolls the map while a card is held at the canvas edge, and drops it in a lane that was out of view', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await settledBox(page.getByRole('group', { name: 'Stage Need to reschedule' }));
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    const header = page.getByRole('group', { name: 'Stage Need to reschedule' });
    const before = (await header.boundingBox())!.y;
    const from = await centre(page, 'Goals: Move the appointment to 11 March, same time');
    expect(from.y).toBeLessThan(canvas.y + canvas.height - 100);
    await dragBy(page, from, { x: from.x, y: canvas.y + canvas.height - 6 });
    // Held near the bottom edge, the map scrolls up under the pointer.
    await expect.poll(async () => (await header.boundingBox())!.y, { timeout: 5000 }).toBeLessThan(before - 300);
    await page.mouse.up();
    const where = page.getByRole('region', { name: 'Card details' }).locator('.details__where');
    await expect.poll(() => where.textContent()).toMatch(/ · Need to reschedule$/);
    expect(await where.textContent()).not.toBe('Goals · Need to reschedule');
    await context.close();
  });

  it('moves the selected card with Alt and the arrow keys, within its cell and across stages', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const journeyUrl = page.url();
    const where = page.getByRole('region', { name: 'Card details' }).locator('.details__where');
    const sms = 'Touchpoints: Confirmation SMS the day before';
    await card(page, 'Touchpoints: Writes to the WhatsApp number for a faster answer').click();
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => where.textContent()).toBe('Touchpoints · Resolution');
    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => where.textContent()).toBe('Touchpoints · Follow-up');
    // Second in Follow-up, under the SMS; up puts it above.
    const y = async (name: string) => (await card(page, name).boundingBox())!.y;
    expect(await y('Touchpoints: Writes to the WhatsApp number for a faster answer')).toBeGreaterThan(await y(sms));
    await page.keyboard.press('Alt+ArrowUp');
    await expect
      .poll(async () => (await y('Touchpoints: Writes to the WhatsApp number for a faster answer')) < (await y(sms)))
      .toBe(true);
    // At the map's edge nothing moves, and Alt+Left and Alt+Right never leave the page.
    await page.keyboard.press('Alt+ArrowRight');
    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(() => where.textContent()).toBe('Touchpoints · Resolution');
    expect(page.url()).toBe(journeyUrl);
    await page.keyboard.press('Control+z');
    await expect.poll(() => where.textContent()).toBe('Touchpoints · Follow-up');
    await context.close();
  });

  it('connects cards by dragging from a handle, edits the label and kind, and deletes the connection', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    const source = card(page, 'Goals: Move the appointment to 11 March, same time');
    await source.hover();
    const handle = (await source.locator('.react-flow__handle-right').boundingBox())!;
    const target = await centre(page, 'Thoughts: Why do they ask for my ID again?');
    const targetBox = await settledBox(card(page, 'Thoughts: Why do they ask for my ID again?'));
    await dragBy(
      page,
      { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 },
      { x: targetBox.x + 4, y: target.y },
    );
    await page.mouse.up();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);

    await card(page, 'Touchpoints: Sends an email with ID and new date').click();
    const links = page.getByRole('region', { name: 'Card details' });
    await links.getByRole('button', { name: /^To Touchpoints: Writes to the WhatsApp number/ }).click();
    const conn = page.getByRole('region', { name: 'Connection details' });
    await conn.getByRole('textbox', { name: 'Label' }).fill('no answer after 2 hours');
    await conn.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Drop-off' });
    await page.getByText('no answer after 2 hours').waitFor();
    // The label is drawn above the cards and selects its connection.
    await page.keyboard.press('Escape');
    await expect.poll(() => conn.count()).toBe(0);
    await page.locator('.connection-label', { hasText: 'no answer after 2 hours' }).click();
    expect(await conn.getByRole('textbox', { name: 'Label' }).inputValue()).toBe('no answer after 2 hours');
    await expect.poll(() => page.locator('.react-flow__edge.connection--dropoff').count()).toBe(1);
    await conn.getByRole('button', { name: 'Delete connection' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await context.close();
  });

  it('draws a new connection at once, backwards across stages', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const edges = () => page.locator('.react-flow__edge').count();
    const before = await edges();
    const connect = async (from: string, to: string) => {
      await card(page, from).click();
      const details = page.getByRole('region', { name: 'Card details' });
      await details.getByRole('combobox', { name: 'Connect to' }).selectOption({ label: to });
      await details.getByRole('button', { name: 'Add connection' }).click();
    };
    // Follow-up back to the first stage: drawn from the cards' bottom handles.
    await connect(
      'Touchpoints: Confirmation SMS the day before',
      'Actions: Realises the 12 March slot clashes with work',
    );
    await expect.poll(edges).toBe(before + 1);
    await context.close();
  });

  it('draws a new connection at once at overview zoom, where cards draw only the handles they use', async () => {
    const { context, page } = await openApp(browser());
    const file = generateJourneyFile({ cards: 300, connections: 0, title: 'Overview' });
    await page.getByLabel('Import file').setInputFiles({
      name: 'overview.journey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    // A short window: the map is too tall to fit even at the smallest zoom.
    await page.setViewportSize({ width: 1400, height: 600 });
    await page.getByRole('link', { name: 'Overview' }).click();
    await card(page, 'Actions: Checks delivery status #0').waitFor();
    // Its top stays in view (the stage names), not its middle.
    const top = async () => {
      const map = (await page.getByRole('region', { name: 'Journey map' }).boundingBox())!;
      const stage = (await page.getByRole('group', { name: 'Stage Stage 1', exact: true }).boundingBox())!;
      return stage.y - map.y;
    };
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect.poll(top).toBeGreaterThanOrEqual(0);
    // Title-only cards: the map is below the readable zoom, and no card has a handle yet.
    expect(await page.locator('.card__footer').count()).toBe(0);
    expect(await page.locator('.card .react-flow__handle').count()).toBe(0);
    await card(page, 'Actions: Checks delivery status #0').click();
    const details = page.getByRole('region', { name: 'Card details' });
    await details
      .getByRole('combobox', { name: 'Connect to' })
      .selectOption({ label: 'Thoughts: Compara precios #33' });
    await details.getByRole('button', { name: 'Add connection' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    // Zoomed in to readable cards, every card can start a connection from its handle.
    for (let i = 0; i < 12; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(() => page.locator('.card .react-flow__handle.source').count()).toBeGreaterThan(10);
    await context.close();
  });

  it('adds card after card from the keyboard, and Escape leaves Card details for the map', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await page.getByRole('button', { name: 'Add card to Goals in Contact' }).click();
    for (const [i, title] of ['Talk to one person', 'Keep the same slot time', '同じ担当者と話したい'].entries()) {
      if (i > 0) await page.keyboard.press('Control+Enter');
      await page.keyboard.type(title);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('region', { name: 'Card details' }).count()).toBe(0);
    const last = card(page, 'Goals: 同じ担当者と話したい');
    expect(await last.evaluate((el) => el === document.activeElement)).toBe(true);
    // In the order they were typed, one under the other in the cell.
    const tops = [];
    for (const title of ['Talk to one person', 'Keep the same slot time', '同じ担当者と話したい'])
      tops.push((await card(page, `Goals: ${title}`).boundingBox())!.y);
    expect([...tops].sort((a, b) => a - b)).toEqual(tops);
    // Enter on the focused card selects it again.
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    // Every key is listed, from the keyboard (?) or the toolbar.
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Add the next card after the selected one, in its cell').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => help.count()).toBe(0);
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    await help.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => help.count()).toBe(0);
    await context.close();
  });

  it('deletes a stage after a confirm that names its cards, and undo brings them back', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await page.getByRole('button', { name: 'Delete stage Contact' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('The stage “Contact” and its 7 cards will be deleted. You can undo this.').waitFor();
    await confirm.getByRole('button', { name: 'Delete stage' }).click();
    await expect.poll(() => cardCount(page)).toBe(9);
    expect(await page.getByRole('group', { name: 'Stage Contact' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => cardCount(page)).toBe(16);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await page.getByRole('button', { name: 'Move stage Contact left' }).click();
    await expect
      .poll(() => page.locator('.stage-header__name').allTextContents())
      .toEqual(['Contact', 'Need to reschedule', 'Resolution', 'Follow-up']);
    await context.close();
  });

  it('renames, collapses, moves and deletes lanes, and adds a second notes lane', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    const titles = () => page.locator('.lane-header__title').allTextContents();
    await page.getByRole('button', { name: 'Actions for lane Thoughts' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    await page.getByRole('textbox', { name: 'Lane name' }).fill('What she thinks');
    await page.keyboard.press('Enter');
    await expect.poll(titles).toContain('What she thinks');
    expect(await card(page, 'What she thinks: Why do they ask for my ID again?').count()).toBe(1);

    await page.getByRole('button', { name: 'Collapse lane Backstage' }).click();
    await expect.poll(() => cardCount(page)).toBe(15);
    await page.getByText('1 card hidden').waitFor();
    await page.getByRole('button', { name: 'Expand lane Backstage' }).click();
    await expect.poll(() => cardCount(page)).toBe(16);

    await page.getByRole('button', { name: 'Actions for lane Metrics' }).click();
    await page.getByRole('menuitem', { name: 'Move up' }).click();
    await expect.poll(async () => (await titles()).indexOf('Metrics')).toBe(6);

    await page.getByRole('button', { name: 'Add lane' }).click();
    await page.getByRole('menuitem', { name: 'Notes' }).click();
    await page.getByRole('button', { name: 'Add lane' }).click();
    await page.getByRole('menuitem', { name: 'Notes' }).click();
    await expect.poll(async () => (await titles()).filter((t) => t === 'Notes').length).toBe(2);

    await page.getByRole('button', { name: 'Actions for lane Goals' }).click();
    await page.getByRole('menuitem', { name: 'Delete lane' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete lane' }).click();
    await expect.poll(titles).not.toContain('Goals');
    await expect.poll(() => cardCount(page)).toBe(15);
    await context.close();
  });

  it('edits the journey title, persona and scenario in the header', async () => {
    const { context, page } = await openApp(browser());
    await openAppointment(page);
    await page.getByRole('button', { name: 'Rename journey' }).click();
    await page.getByRole('textbox', { name: 'Journey title' }).fill('Moving a clinic appointment');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Moving a clinic appointment' }).waitFor();
    await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Priya Nair' });
    await page.getByRole('region', { name: 'Persona' }).getByText('Priya Nair').waitFor();
    await page.getByRole('button', { name: 'Edit scenario' }).click();
    await page.getByRole('textbox', { name: 'Scenario' }).fill('Emily needs a new slot this week.');
    await page.getByRole('textbox', { name: 'Scenario' }).press('Enter');
    await page.getByText('Emily needs a new slot this week.').waitFor();
    await page.getByRole('link', { name: 'Journeys' }).click();
    await page.getByRole('link', { name: 'Moving a clinic appointment' }).waitFor();
    await context.close();
  });
});
