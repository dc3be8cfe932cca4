import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { canonicalize } from '../helpers/examples';
import { createJourney, openApp, readDownload, settledBox, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

async function addCard(page: Page, lane: string, stage: string, title: string) {
  await page.getByRole('button', { name: `Add card to ${lane} in ${stage}` }).click();
  // The new card is selected with its Title focused: typing names it.
  await page.keyboard.type(title);
  await page.getByRole('button', { name: `${lane}: ${title}` }).waitFor();
  return page.getByRole('region', { name: 'Card details' });
}

async function select(page: Page, name: string) {
  await page.getByRole('button', { name, exact: true }).click();
  await page.getByRole('region', { name: 'Card details' }).waitFor();
}

describe('journey editor', () => {
  it('builds a journey from blank, undoes and redoes, survives a reload and exports what was built', async () => {
    const { context, page } = await openApp(browser());
    await createJourney(page, 'Workshop map');

    // A stage: added at the end, named in place, then renamed.
    await page.getByRole('button', { name: 'Add stage' }).click();
    await page.getByRole('textbox', { name: 'Stage name' }).fill('Loyalty');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Stage Loyalty' }).waitFor();
    await page.getByRole('button', { name: 'Rename stage Loyalty' }).click();
    await page.getByRole('textbox', { name: 'Stage name' }).fill('Advocacy');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Stage Advocacy' }).waitFor();

    // A lane the template lacks.
    await page.getByRole('button', { name: 'Add lane' }).click();
    await page.getByRole('menuitem', { name: 'Metrics' }).click();

    // Cards of six kinds, with their fields.
    let details = await addCard(page, 'Touchpoints', 'Awareness', 'Sees an ad');
    await details.getByRole('combobox', { name: 'Channel' }).selectOption({ label: 'Social media' });
    details = await addCard(page, 'Pain points', 'Consideration', 'Prices unclear');
    await details.getByRole('combobox', { name: 'Severity' }).selectOption({ label: 'High' });
    details = await addCard(page, 'Opportunities', 'Consideration', 'Price calculator');
    await details.getByRole('combobox', { name: 'Impact' }).selectOption('3');
    await details.getByRole('combobox', { name: 'Effort' }).selectOption('1');
    await details.getByRole('textbox', { name: 'Owner' }).fill('Web team');
    await details.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Planned' });
    await details.getByRole('spinbutton', { name: 'Votes' }).fill('4');
    details = await addCard(page, 'Actions', 'Purchase', 'Orders online');
    await details.getByRole('textbox', { name: 'Notes' }).fill('On her phone, at lunch');
    await details.getByRole('combobox', { name: 'Evidence' }).selectOption({ label: 'Observed' });
    details = await addCard(page, 'Metrics', 'Advocacy', 'Would recommend');
    await details.getByRole('combobox', { name: 'Metric' }).selectOption('NPS');
    await details.getByRole('spinbutton', { name: 'Value' }).fill('31');
    await details.getByRole('spinbutton', { name: 'Target' }).fill('40');

    // Emotions: two scores set by keyboard, one by dragging the point.
    details = await addCard(page, 'Emotions', 'Awareness', 'Curious');
    await details.getByRole('spinbutton', { name: 'Score' }).press('ArrowUp');
    await expect.poll(() => details.getByRole('spinbutton', { name: 'Score' }).inputValue()).toBe('1');
    await addCard(page, 'Emotions', 'Purchase', 'Relieved');
    await select(page, 'Emotions: Relieved');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Card details' }).getByRole('spinbutton', { name: 'Score' }).inputValue(),
      )
      .toBe('2');
    await addCard(page, 'Emotions', 'Consideration', 'Unsure');
    await page.keyboard.press('Escape');
    await page.getByRole('region', { name: 'Card details' }).waitFor({ state: 'detached' });
    const point = page.getByRole('button', { name: 'Emotions: Unsure' });
    const step = await page.evaluate(() => {
      const vp = document.querySelector('.react-flow__viewport') as HTMLElement;
      return 40 * new DOMMatrix(getComputedStyle(vp).transform).a;
    });
    const box = await settledBox(point);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++)
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (step * i) / 10);
    await page.mouse.up();
    await select(page, 'Emotions: Unsure');
    await expect
      .poll(() =>
        page.getByRole('region', { name: 'Card details' }).getByRole('spinbutton', { name: 'Score' }).inputValue(),
      )
      .toBe('-1');

    // A connection, then two more changes; undo three steps and redo one.
    await select(page, 'Touchpoints: Sees an ad');
    details = page.getByRole('region', { name: 'Card details' });
    await details.getByRole('combobox', { name: 'Connect to' }).selectOption({ label: 'Actions: Orders online' });
    await details.getByRole('button', { name: 'Add connection' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await select(page, 'Opportunities: Price calculator');
    await page.getByRole('region', { name: 'Card details' }).getByRole('spinbutton', { name: 'Votes' }).fill('5');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Rename stage Advocacy' }).click();
    await page.getByRole('textbox', { name: 'Stage name' }).fill('Advocates');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Stage Advocates' }).waitFor();

    await page.keyboard.press('Control+z');
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('group', { name: 'Stage Advocacy' }).waitFor();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(0);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Reloaded at once: what is not yet committed is kept by the unload journal.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Workshop map' }).waitFor();
    await expect.poll(() => page.locator('.card').count()).toBe(8);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Workshop-map.journey.json');
    const exported = JSON.parse(await readDownload(download));

    const stage = (n: number) => `s${n}`;
    const expected = {
      format: 'journey-canvas',
      version: 1,
      personas: [],
      journeys: [
        {
          id: 'j',
          title: 'Workshop map',
          stages: ['Awareness', 'Consideration', 'Purchase', 'Retention', 'Advocacy'].map((name, i) => ({
            id: stage(i),
            name,
          })),
          lanes: [
            'actions',
            'touchpoints',
            'goals',
            'thoughts',
            'emotions',
            'painPoints',
            'opportunities',
            'metrics',
          ].map((kind) => ({ id: kind, kind })),
          cards: [
            { id: 'c1', stageId: 's0', laneId: 'touchpoints', title: 'Sees an ad', channel: 'social' },
            { id: 'c2', stageId: 's1', laneId: 'painPoints', title: 'Prices unclear', severity: 'high' },
            {
              id: 'c3',
              stageId: 's1',
              laneId: 'opportunities',
              title: 'Price calculator',
              impact: 3,
              effort: 1,
              owner: 'Web team',
              status: 'planned',
              votes: 4,
            },
            {
              id: 'c4',
              stageId: 's2',
              laneId: 'actions',
              title: 'Orders online',
              notes: 'On her phone, at lunch',
              evidence: 'observed',
            },
            {
              id: 'c5',
              stageId: 's4',
              laneId: 'metrics',
              title: 'Would recommend',
              metric: 'NPS',
              value: 31,
              target: 40,
            },
            { id: 'c6', stageId: 's0', laneId: 'emotions', title: 'Curious', score: 1 },
            { id: 'c7', stageId: 's2', laneId: 'emotions', title: 'Relieved', score: 2 },
            { id: 'c8', stageId: 's1', laneId: 'emotions', title: 'Unsure', score: -1 },
          ],
          connections: [{ id: 'x1', from: 'c1', to: 'c4' }],
        },
      ],
    };
    expect(canonicalize(exported)).toEqual(canonicalize(expected));
    await context.close();
  });
});
