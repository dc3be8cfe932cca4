import { describe, expect, it } from 'vitest';
import { openApp, withSharedBrowser } from './browser';
import { problems } from './axe';

const browser = withSharedBrowser();

describe('accessibility (axe-core, serious and critical problems)', () => {
  it.each(['light', 'dark'] as const)(
    'finds none on the Journeys screen, the New journey dialog, the editor with Card details, Personas, Compare and the action plan (%s theme)',
    async (colorScheme) => {
      // The theme follows the system's until one is chosen in Settings.
      const { context, page } = await openApp(browser(), '/', { colorScheme });
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(colorScheme);
      expect(await problems(page)).toEqual([]);
      await page.getByRole('button', { name: 'New journey' }).click();
      await page.getByRole('dialog', { name: 'New journey' }).waitFor();
      expect(await problems(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
      await page
        .getByRole('button', { name: 'Pain points: Four-hour slot clashes with her client calls', exact: true })
        .click();
      await page.getByRole('region', { name: 'Card details' }).waitFor();
      expect(await problems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      expect(await problems(page)).toEqual([]);
      // The workshop's tools: a vote's dialog, its buttons on the cards, its results, the parking lot.
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Vote settings' }).click();
      const setup = page.getByRole('dialog', { name: 'Vote settings' });
      expect(await problems(page)).toEqual([]);
      await setup.getByRole('button', { name: 'Start vote' }).click();
      await page
        .getByRole('button', { name: 'Vote for Four-hour slot clashes with her client calls', exact: true })
        .click();
      await page.getByRole('button', { name: /^Parking lot/ }).click();
      await page.getByRole('textbox', { name: 'Park an idea' }).fill('Ask about a landlord letter');
      await page.keyboard.press('Enter');
      expect(await problems(page)).toEqual([]);
      await page.getByRole('button', { name: 'Close vote' }).click();
      await page.getByRole('region', { name: 'Vote results' }).waitFor();
      expect(await problems(page)).toEqual([]);
      // Workshop mode hides the app's navigation: leaving it brings it back.
      expect(await page.getByRole('navigation').count()).toBe(0);
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      // Slides, with the preview of every slide.
      await page.getByRole('button', { name: 'Export' }).click();
      await page.getByRole('menuitem', { name: 'Slides…' }).click();
      await page.getByRole('dialog', { name: 'Slides' }).getByRole('img').first().waitFor();
      expect(await problems(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Personas' }).click();
      await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
      expect(await problems(page)).toEqual([]);
      await page.getByRole('button', { name: 'New persona' }).click();
      await page.getByRole('textbox', { name: 'Name' }).waitFor();
      expect(await problems(page)).toEqual([]);
      await page.keyboard.press('Escape');

      // A spreadsheet's preview, with its columns to choose.
      await page.getByRole('link', { name: 'Journeys' }).first().click();
      await page.getByLabel('Import file').setInputFiles({
        name: 'Steps.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('Stage,Scene,Emotion,Mood\nArrive,Walks in,2,calm\n'),
      });
      await page.getByRole('dialog', { name: 'Import spreadsheet' }).getByRole('combobox').first().waitFor();
      expect(await problems(page)).toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('link', { name: 'Compare' }).click();
      await page.getByRole('checkbox', { name: 'Moving broadband — Priya' }).check();
      await page.getByRole('checkbox', { name: 'Moving broadband — George' }).check();
      await page.getByText('differ most at').waitFor();
      expect(await problems(page)).toEqual([]);

      // The action plan across journeys, its matrix and its table of editable rows.
      await page.getByRole('link', { name: 'Action plan' }).click();
      await page.getByRole('region', { name: 'Impact and effort' }).getByRole('button').first().waitFor();
      expect(await problems(page)).toEqual([]);
      await context.close();
    },
  );
});
