import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARED_EXAMPLES } from '../helpers/examples';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

/** A real picture, made by the browser: 800 × 500 PNG. */
async function makePng(page: Page): Promise<Buffer> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.width = 800;
    c.height = 500;
    const g = c.getContext('2d')!;
    g.fillStyle = '#2e86ab';
    g.fillRect(0, 0, 800, 500);
    g.fillStyle = '#fff';
    g.fillRect(200, 100, 400, 300);
    return c.toDataURL('image/png').split(',')[1]!;
  });
  return Buffer.from(b64, 'base64');
}

async function setScore(page: Page, card: string, score: number) {
  await page.getByRole('button', { name: `Emotions: ${card}`, exact: true }).click();
  await page
    .getByRole('region', { name: 'Card details' })
    .getByRole('spinbutton', { name: 'Score' })
    .fill(String(score));
  await page.keyboard.press('Escape');
}

describe('personas and comparing them', () => {
  it('creates a persona with a picture, maps a journey for it, duplicates it for another persona and compares', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New persona' }).click();
    const form = page.getByRole('dialog', { name: 'New persona' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Aiko Tanaka');
    await form.getByRole('textbox', { name: 'Role' }).fill('Night-shift nurse');
    await form.getByRole('textbox', { name: 'Quote' }).fill('私は電話できない時間に働いています');
    await form.getByRole('textbox', { name: 'Bio' }).fill('Works nights; books everything from her phone at 7 am.');
    await form.getByRole('button', { name: 'Add goal' }).click();
    await form.getByRole('textbox', { name: 'Goal 1' }).fill('Book outside office hours');
    await form.getByRole('button', { name: 'Add goal' }).click();
    await form.getByRole('textbox', { name: 'Goal 2' }).fill('Never call');
    await form.getByRole('button', { name: 'Move Goal 2 up' }).click();
    await form.getByRole('textbox', { name: 'Colour' }).fill('#e4572e');
    await form
      .getByLabel('Upload picture')
      .setInputFiles({ name: 'aiko.png', mimeType: 'image/png', buffer: await makePng(page) });
    await expect.poll(() => form.locator('img.avatar').count()).toBe(1);
    const size = await form.locator('img.avatar').evaluate(
      (img: HTMLImageElement) =>
        new Promise<number[]>((r) => {
          const probe = new Image();
          probe.onload = () => r([probe.naturalWidth, probe.naturalHeight]);
          probe.src = img.src;
        }),
    );
    expect(size).toEqual([256, 160]);
    await form.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Aiko Tanaka', exact: true }).waitFor();
    await page.getByText('Not used by any journey').waitFor();

    // A journey for her, from the appointment example's structure.
    await page.getByRole('link', { name: 'Journeys' }).click();
    await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/appointment-reschedule.journey.json`);
    await page.getByRole('link', { name: 'Rescheduling an appointment' }).click();
    await page.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Aiko Tanaka' });
    await page.getByRole('region', { name: 'Persona' }).getByText('Night-shift nurse').waitFor();

    await page.getByRole('button', { name: 'Duplicate for another persona' }).click();
    const dup = page.getByRole('dialog', { name: 'Duplicate for another persona' });
    await dup.getByRole('combobox', { name: 'Persona' }).selectOption({ label: 'Emily Carter' });
    await dup.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rescheduling an appointment — Emily Carter' }).waitFor();
    // Actions, touchpoints, goals and backstage came along; emotions and pain points are left to map.
    await page.getByRole('button', { name: 'Touchpoints: Sends an email with ID and new date' }).waitFor();
    expect(await page.getByRole('button', { name: /^Emotions: / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Pain points: / }).count()).toBe(0);
    for (const [stage, title] of [
      ['Need to reschedule', 'Calm'],
      ['Contact', 'Fine'],
      ['Resolution', 'Pleased'],
    ] as const) {
      await page.getByRole('button', { name: `Add card to Emotions in ${stage}` }).click();
      await page.keyboard.type(title);
      await page.keyboard.press('Escape');
    }
    await setScore(page, 'Calm', 1);
    await setScore(page, 'Fine', 1);
    await setScore(page, 'Pleased', 2);

    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('heading', { name: 'Compare personas' }).waitFor();
    await page.getByRole('checkbox', { name: 'Rescheduling an appointment', exact: true }).check();
    await page.getByRole('checkbox', { name: 'Rescheduling an appointment — Emily Carter' }).check();
    // Aiko: -1, -2, +1, +2; Emily: +1, +1, +2, none → the gap is largest at Contact (3).
    await page.getByText('Aiko Tanaka and Emily Carter differ most at “Contact”.').waitFor();
    const legend = page.getByRole('list', { name: 'Legend' });
    expect(await legend.textContent()).toContain('Aiko Tanaka');
    expect(await legend.textContent()).toContain('Emily Carter');
    const url = page.url();
    await page.reload();
    await page.getByText('Aiko Tanaka and Emily Carter differ most at “Contact”.').waitFor();
    expect(page.url()).toBe(url);
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByText('Used by 1 journey').first().waitFor();
    await context.close();
  });

  it('refuses a persona without a name, an age that is not one, a colour that is not #rrggbb and a picture of another type', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('button', { name: 'New persona' }).click();
    const form = page.getByRole('dialog', { name: 'New persona' });
    await form.getByRole('textbox', { name: 'Colour' }).fill('teal');
    await form.getByRole('textbox', { name: 'Age' }).fill('forty');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Enter a name.').waitFor();
    await form.getByText('Age must be a whole number from 0 to 150.').waitFor();
    expect(await form.getByRole('textbox', { name: 'Age' }).inputValue()).toBe('forty');
    await form.getByText('Write the colour as # and six hexadecimal digits').waitFor();
    await form.getByLabel('Upload picture').setInputFiles({
      name: 'logo.svg',
      mimeType: 'image/svg+xml',
      buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    });
    await form.getByText('Only PNG, JPEG, WebP or GIF pictures can be used.').waitFor();
    await form.getByRole('button', { name: 'Cancel' }).click();
    expect(await page.locator('.journey-list li').count()).toBe(2);
    await context.close();
  });

  it('asks before deleting a persona in use, naming the journeys, which then show No persona', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Personas' }).click();
    await page.getByRole('button', { name: 'George Whitfield', exact: true }).click();
    await page.getByRole('dialog', { name: 'Edit persona' }).getByRole('button', { name: 'Delete persona' }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByText('It is used by “Moving broadband — George”.', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'Delete persona' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'George Whitfield', exact: true }).count()).toBe(0);
    await page.getByRole('link', { name: 'Journeys' }).click();
    const row = page.locator('.journey-row', { hasText: 'Moving broadband — George' });
    await row.getByText('No persona').waitFor();
    await page.getByRole('link', { name: 'Moving broadband — George' }).click();
    await page.getByRole('region', { name: 'Persona' }).getByText('No persona').waitFor();
    expect(await page.locator('.card').count()).toBe(33);
    await context.close();
  });

  it('compares journeys that share no stage name by position, and says so', async () => {
    const { context, page } = await openApp(browser());
    await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/appointment-reschedule.journey.json`);
    await page.getByRole('link', { name: 'Rescheduling an appointment' }).waitFor();
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('checkbox', { name: 'Rescheduling an appointment' }).check();
    await page.getByRole('checkbox', { name: 'Moving broadband — Priya' }).check();
    await page.getByText('These journeys share no stage name, so their stages are lined up by position.').waitFor();
    // Stages at the same position are not the same stage: no claim is made about where they differ.
    await page
      .getByText('These journeys have no stage in common, so no stage is named as where they differ most.')
      .waitFor();
    expect(await page.getByText(/differ most at/).count()).toBe(0);
    await context.close();
  });

  it('says Sam and Ruth differ most at “Wait”, and exports the comparison as a PNG', async () => {
    const { context, page } = await openApp(browser());
    await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/headphones-two-personas.journey.json`);
    await page.getByRole('link', { name: 'Headphones order — Ruth' }).waitFor();
    await page.getByRole('link', { name: 'Compare' }).click();
    await page.getByRole('checkbox', { name: 'Headphones order — Sam' }).check();
    await page.getByRole('checkbox', { name: 'Headphones order — Ruth' }).check();
    await page.getByText('Sam Lee and Ruth Okafor differ most at “Wait”.').waitFor();
    const box = (await page.locator('.compare').boundingBox())!;
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const bytes = readFileSync(await download.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    const info = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const data = g.getImageData(0, 0, c.width, c.height).data;
      let coloured = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - data[i + 2]!) > 60) coloured++;
      return { w: img.naturalWidth, h: img.naturalHeight, coloured };
    }, bytes.toString('base64'));
    expect(info.w).toBe(Math.round(box.width) * 2);
    expect(Math.abs(info.h - Math.round(box.height) * 2)).toBeLessThanOrEqual(2);
    // The persona-coloured curves are in the picture.
    expect(info.coloured).toBeGreaterThan(1000);
    await context.close();
  });
});
