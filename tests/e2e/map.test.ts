import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARED_EXAMPLES } from '../helpers/examples';
import { createJourney, withSharedBrowser, openApp } from './browser';

const browser = withSharedBrowser();

async function openImported(page: Page, file: string, title: string) {
  await page.getByLabel('Import file').setInputFiles(`${SHARED_EXAMPLES}/${file}`);
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const cardText = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).textContent();

/** Where the map is and how large, as React Flow has placed it. */
async function viewport(page: Page) {
  const transform = await page.locator('.react-flow__viewport').evaluate((n: HTMLElement) => n.style.transform);
  const [, x, y, zoom] = /translate\(([-\d.]+)px, ([-\d.]+)px\) scale\(([-\d.]+)\)/.exec(transform)!;
  return { x: Number(x), y: Number(y), zoom: Number(zoom) };
}

describe('journey map', () => {
  it('pans with the wheel, zooms with Ctrl and the wheel, and zooms with the wheel alone when Settings say so', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
    const map = (await page.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    await page.waitForTimeout(300);
    const start = await viewport(page);
    await page.mouse.wheel(0, 300);
    await expect.poll(async () => (await viewport(page)).y).toBeLessThan(start.y - 100);
    expect((await viewport(page)).zoom).toBeCloseTo(start.zoom, 5);

    const panned = await viewport(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 300);
    await page.keyboard.up('Control');
    await expect.poll(async () => (await viewport(page)).zoom).toBeLessThan(panned.zoom);

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('checkbox', { name: /The mouse wheel zooms the map/ }).check();
    await page.keyboard.press('Escape');
    await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
    const before = await viewport(page);
    await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await viewport(page)).zoom).toBeGreaterThan(before.zoom);
    // Kept in this browser.
    await page.reload();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(await page.getByRole('checkbox', { name: /The mouse wheel zooms the map/ }).isChecked()).toBe(true);
    await context.close();
  });

  it('shows the persona, the scenario, the grid and every card kind', async () => {
    const { context, page } = await openApp(browser());
    await openImported(page, 'appointment-reschedule.journey.json', 'Rescheduling an appointment');

    const persona = page.getByRole('region', { name: 'Persona' });
    expect(await persona.textContent()).toMatch(
      /Emily Carter.*Busy project manager.*I already told you that in my email\./,
    );
    await page.getByText('Emily needs to move a clinic appointment', { exact: false }).waitFor();
    for (const stage of ['Need to reschedule', 'Contact', 'Resolution', 'Follow-up']) {
      await page.getByRole('group', { name: `Stage ${stage}` }).waitFor();
    }
    expect(await page.locator('.card').count()).toBe(16);

    expect(await cardText(page, 'Actions: Realises the 12 March slot clashes with work')).toContain(
      'Realises the 12 March',
    );
    expect(await cardText(page, 'Touchpoints: Writes to the WhatsApp number for a faster answer')).toContain(
      'Messaging',
    );
    expect(await cardText(page, 'Touchpoints: Confirmation SMS the day before')).toContain('SMS');
    expect(await cardText(page, 'Emotions: Frustrated')).toMatch(/Very negative.*Observed/);
    expect(await cardText(page, 'Emotions: Reassured')).toContain('Very positive');
    expect(await cardText(page, 'Pain points: Agent on WhatsApp cannot see the email')).toContain('High severity');
    expect(await cardText(page, 'Opportunities: Unified inbox: one customer view across email and WhatsApp')).toMatch(
      /Impact 3\/3.*Effort 2\/3.*Planned.*5 votes.*Owner: Support ops/,
    );
    expect(await cardText(page, 'Metrics: First contact resolution')).toMatch(/FCR.*48%.*75%.*Below target/);
    expect(await cardText(page, 'Metrics: CSAT after the conversation')).toMatch(
      /CSAT.*4\.1\/5.*4\.5\/5.*Below target/,
    );
    expect(await cardText(page, 'Backstage: Scheduling system updated by the agent')).toContain('Scheduling system');
    expect(await cardText(page, 'Thoughts: Why do they ask for my ID again?')).toContain('ID again');

    // Emotion points stand higher the better the score: Reassured (+2) above Relieved (+1) above Frustrated (-2).
    const top = async (name: string) =>
      (await page.getByRole('button', { name: `Emotions: ${name}` }).boundingBox())!.y;
    expect(await top('Reassured')).toBeLessThan(await top('Relieved'));
    expect(await top('Relieved')).toBeLessThan(await top('Mildly stressed'));
    expect(await top('Mildly stressed')).toBeLessThan(await top('Frustrated'));
    expect(await page.locator('.emotion-curve path').getAttribute('d')).toMatch(/^M [\d.]+ [\d.]+( C [\d., ]+){3}$/);

    expect(await page.locator('.react-flow__edge').count()).toBe(3);
    await page.getByText('no reply in 2 h').waitFor();
    await context.close();
  });

  it('draws drop-off connections red and dashed, unlike flow connections', async () => {
    const { context, page } = await openApp(browser());
    await openImported(page, 'headphones-two-personas.journey.json', 'Headphones order — Sam');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(4);
    const style = (kind: string) =>
      page
        .locator(`.react-flow__edge.connection--${kind} path.react-flow__edge-path`)
        .first()
        .evaluate((el) => {
          const cs = getComputedStyle(el);
          return { stroke: cs.stroke, dash: cs.strokeDasharray };
        });
    expect(await style('dropoff')).toEqual({ stroke: 'rgb(192, 57, 43)', dash: '8px, 6px' });
    expect((await style('flow')).dash).toBe('none');
    await page.getByText('cancels').waitFor();
    await context.close();
  });

  it('says so when a journey does not exist', async () => {
    const { context, page } = await openApp(browser());
    await page.goto(page.url().replace(/#.*$/, '') + '#/journey/no-such-journey');
    await page.getByRole('alert', { name: /This journey does not exist/ }).waitFor();
    await context.close();
  });

  it('shows Arabic and Hebrew text right to left, and other text left to right', async () => {
    const { context, page } = await openApp(browser());
    const heading = await createJourney(page, 'طلب سماعات (2026)');
    const direction = (el: Element) => getComputedStyle(el).direction;
    expect(await heading.evaluate(direction)).toBe('rtl');
    const texts = {
      'هل السعر شامل الضريبة؟': 'rtl',
      'למה זה לוקח כל כך הרבה זמן?': 'rtl',
      '荷物を受け取る — 満足！': 'ltr',
      'Reads 12 reviews?': 'ltr',
    };
    for (const [text, dir] of Object.entries(texts)) {
      await page.getByRole('button', { name: 'Add card to Thoughts in Consideration' }).click();
      await page.keyboard.type(text);
      const title = page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
      expect(await title.evaluate(direction)).toBe(dir);
      const card = page.getByRole('button', { name: `Thoughts: ${text}`, exact: true });
      await card.waitFor();
      expect(await card.locator('.card__title').evaluate(direction)).toBe(dir);
    }
    await context.close();
  });

  it('draws a connection to the card below across the gap between them, as the export does', async () => {
    const { context, page } = await openApp(browser());
    const doc = {
      format: 'journey-canvas',
      version: 1,
      journeys: [
        {
          id: 'j',
          title: 'Stacked cards',
          stages: [{ id: 's', name: 'Only stage' }],
          lanes: [{ id: 'l', kind: 'actions' }],
          cards: [
            { id: 'a', stageId: 's', laneId: 'l', title: 'Upper card' },
            { id: 'b', stageId: 's', laneId: 'l', title: 'Lower card' },
          ],
          connections: [{ id: 'x', from: 'a', to: 'b', label: 'then' }],
        },
      ],
    };
    await page.getByLabel('Import file').setInputFiles({
      name: 'stacked.journey.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(doc)),
    });
    await page.getByRole('link', { name: 'Stacked cards' }).click();
    await page.getByRole('heading', { level: 1, name: 'Stacked cards' }).waitFor();
    await page.getByRole('button', { name: 'Actions: Lower card', exact: true }).waitFor();
    // In the map's own coordinates: the line's geometry (its arrowhead aside) against the cards.
    const geometry = await page.evaluate(() => {
      // Found by what the card says: an import gives every record a new id.
      const box = (title: string) => {
        const n = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((el) =>
          el.querySelector(`[aria-label="Actions: ${title}"]`),
        )!;
        const m = /translate\(([-\d.]+)px, ([-\d.]+)px\)/.exec(n.style.transform)!;
        return { top: Number(m[2]), bottom: Number(m[2]) + n.offsetHeight };
      };
      const line = document.querySelector<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')!.getBBox();
      return { upper: box('Upper card'), lower: box('Lower card'), top: line.y, bottom: line.y + line.height };
    });
    // Between the two cards, not looping behind the lower one.
    expect(geometry.top).toBeGreaterThanOrEqual(geometry.upper.bottom - 0.5);
    expect(geometry.bottom).toBeLessThanOrEqual(geometry.lower.top + 0.5);
    await context.close();
  });
});
