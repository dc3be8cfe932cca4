import { describe, expect, it } from 'vitest';
import { openApp, readDownload, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

describe('templates', () => {
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
});
