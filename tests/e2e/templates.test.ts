import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, readDownload, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The map drawn in the open editor: its lane headers (`Lane <title>`) and its cards (`<lane title>: <card title>`). */
async function drawnMap(page: Page): Promise<{ lanes: string[]; cards: string[] }> {
  const lanes = await page
    .getByRole('group', { name: /^Lane / })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!.replace(/^Lane /, '')));
  if (lanes.length === 0) return { lanes, cards: [] };
  const cards = await page
    .getByRole('button', { name: new RegExp(`^(${lanes.map(escapeRegExp).join('|')}): `) })
    .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')!));
  return { lanes, cards: cards.sort() };
}

async function openJourney(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: 'Journeys' }).first().click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Back to the Journeys screen and a reload, as on a later visit. */
async function newVisit(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Journeys' }).first().click();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
}

async function journeyFromTemplate(page: Page, title: string, template: string): Promise<void> {
  await page.getByRole('link', { name: 'Journeys' }).first().click();
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: template });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('templates', () => {
  it('fill the title when chosen, and never replace one the user typed', async () => {
    const { page } = await openApp(browser());
    await page.getByRole('button', { name: 'New journey' }).click();
    const dialog = page.getByRole('dialog', { name: 'New journey' });
    const title = dialog.getByRole('textbox', { name: 'Title' });
    const template = dialog.getByRole('combobox', { name: 'Template' });
    await template.selectOption({ label: 'Opening a bank account' });
    expect(await title.inputValue()).toBe('Opening a bank account');
    // Another choice replaces the name it filled in…
    await template.selectOption({ label: 'Subscription cancellation and win-back' });
    expect(await title.inputValue()).toBe('Subscription cancellation and win-back');
    // …but not a title the user wrote.
    await title.fill('Exit interviews, Q3');
    await template.selectOption({ label: 'Opening a bank account' });
    expect(await title.inputValue()).toBe('Exit interviews, Q3');
    await title.fill('');
    await template.selectOption({ label: 'Subscription cancellation and win-back' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Subscription cancellation and win-back' }).waitFor();
  });

  it('start a journey with a persona and real content, and a journey saved as a template is offered, renamed, exported and deleted', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await page.getByRole('button', { name: 'New journey' }).click();
    let dialog = page.getByRole('dialog', { name: 'New journey' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Onboarding workshop — Rotterdam');
    await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Opening a bank account' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Onboarding workshop — Rotterdam' }).waitFor();
    // Its persona came with it, and every stage has cards.
    const persona = page.getByRole('combobox', { name: 'Persona' });
    await expect.poll(() => persona.locator('option:checked').textContent()).toBe('Wei Zhang');
    for (const stage of ['Compare banks', 'Apply in the app', 'Verify identity', 'Wait for approval', 'First use'])
      await page.getByRole('group', { name: `Stage ${stage}` }).waitFor();
    await page.getByRole('button', { name: 'Pain points: Status says only "under review"', exact: true }).waitFor();
    expect(await page.locator('.card').count()).toBeGreaterThan(40);
    await page.screenshot({ path: '/tmp/template-bank.png' });

    // Changed, then saved as a template.
    await page.getByRole('button', { name: 'Add card to Notes in Compare banks' }).click();
    await page.keyboard.type('Ask the relocation agency for their checklist');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save as template' }).click();
    const save = page.getByRole('dialog', { name: 'Save as template' });
    await save.getByRole('textbox', { name: 'Name' }).fill('');
    await save.getByRole('button', { name: 'Save template' }).click();
    await save.getByText('Enter a title.').waitFor(); // a name is required; the dialog stays
    await save.getByRole('textbox', { name: 'Name' }).fill('Newcomer banking (NL)');
    await save.getByRole('button', { name: 'Save template' }).click();
    await page.getByText('Saved as template “Newcomer banking (NL)”').waitFor();

    await page.getByRole('link', { name: 'Journeys' }).first().click();
    await page.getByRole('heading', { name: 'Your templates' }).waitFor();
    await page.getByRole('button', { name: 'New journey' }).click();
    dialog = page.getByRole('dialog', { name: 'New journey' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill('Second branch');
    await dialog.getByRole('combobox', { name: 'Template' }).selectOption({ label: 'Newcomer banking (NL)' });
    await dialog.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Second branch' }).waitFor();
    await page
      .getByRole('button', { name: 'Notes: Ask the relocation agency for their checklist', exact: true })
      .waitFor();

    // Kept in IndexedDB: still there after a reload; renamed, exported, deleted.
    await page.goto(page.url().replace(/#.*$/, '#/'));
    await page.reload();
    const actions = (name: string) => page.getByRole('button', { name: `Actions for template ${name}` });
    await actions('Newcomer banking (NL)').click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename template' });
    await rename.getByRole('textbox', { name: 'Name' }).fill('Bankkonto für Neuankömmlinge');
    await rename.getByRole('button', { name: 'Save' }).click();
    await actions('Bankkonto für Neuankömmlinge').click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.journey\.json$/);
    const file = JSON.parse(await readDownload(download)) as { format: string; journeys: { cards: unknown[] }[] };
    expect(file.format).toBe('journey-canvas');
    expect(file.journeys).toHaveLength(1);
    expect(file.journeys[0]!.cards.length).toBeGreaterThan(40);
    await actions('Bankkonto für Neuankömmlinge').click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Your templates' }).count()).toBe(0);
    await page.reload();
    await page.getByRole('link', { name: 'Second branch' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Your templates' }).count()).toBe(0);
    await context.close();
  });

  it('a journey made from a template leaves the lanes and cards of the journeys not open, on screen, after a reload and in their files', async () => {
    const { context, page } = await openApp(browser());
    const priya = 'Moving broadband — Priya';
    await page.getByRole('link', { name: priya, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: priya }).waitFor();
    await page.getByRole('button', { name: "Actions: Compares providers' fibre deals for the new flat" }).waitFor();
    await expect.poll(async () => (await drawnMap(page)).cards.length).toBe(33);
    const priyaMap = await drawnMap(page);
    expect(priyaMap.lanes.length).toBeGreaterThan(0);
    // A new visit reads the list only: each journey's lanes and cards stay on disk until it is opened.
    await newVisit(page);

    const first = 'Trial — first team';
    await journeyFromTemplate(page, first, 'SaaS trial and onboarding');
    await expect.poll(async () => (await drawnMap(page)).cards.length).toBe(55);
    const firstMap = await drawnMap(page);
    expect(firstMap.lanes).toHaveLength(10);
    await newVisit(page);
    // A second journey from the same example template, then one from another.
    await journeyFromTemplate(page, 'Trial — second team', 'SaaS trial and onboarding');
    await expect.poll(() => drawnMap(page)).toEqual(firstMap);
    await journeyFromTemplate(page, 'Cancelling the veg box', 'Subscription cancellation and win-back');
    await expect.poll(async () => (await drawnMap(page)).cards.length).toBe(52);

    // Priya's map is drawn as before, and again after a reload.
    await openJourney(page, priya);
    await expect.poll(() => drawnMap(page)).toEqual(priyaMap);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: priya }).waitFor();
    await expect.poll(() => drawnMap(page)).toEqual(priyaMap);

    // Its file has its lanes, and every card sits in one of them.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON file' }).click();
    const file = JSON.parse(await readDownload(await downloading)) as {
      journeys: { title: string; lanes: { id: string }[]; cards: { laneId: string }[] }[];
    };
    expect(file.journeys).toHaveLength(1);
    const [exported] = file.journeys;
    expect(exported!.title).toBe(priya);
    expect(exported!.lanes).toHaveLength(priyaMap.lanes.length);
    expect(exported!.cards).toHaveLength(33);
    const laneIds = new Set(exported!.lanes.map((lane) => lane.id));
    for (const card of exported!.cards) expect(laneIds).toContain(card.laneId);

    // The first journey from the template kept its lanes after the second was made, after a reload too.
    await openJourney(page, first);
    await expect.poll(() => drawnMap(page)).toEqual(firstMap);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: first }).waitFor();
    await expect.poll(() => drawnMap(page)).toEqual(firstMap);
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
  });
});
