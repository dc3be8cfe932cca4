import { describe, expect, it } from 'vitest';
import { baseUrl, openApp, readDownload, settledBox, withSharedBrowser } from './browser';

const browser = withSharedBrowser();
const DEMO = 'Moving broadband — Priya';

describe('workshop mode', () => {
  it('draws the cards readable from afar, with a time-box timer, and back again', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: DEMO }).click();
    const card = page.getByRole('button', {
      name: "Actions: Compares providers' fibre deals for the new flat",
      exact: true,
    });
    await card.waitFor();
    const fittedHeight = (await card.boundingBox())!.height;

    const toggle = page.getByRole('button', { name: 'Workshop mode' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    // Cards are 112 units tall; workshop mode draws them at full size at least.
    await expect.poll(async () => (await card.boundingBox())!.height).toBeGreaterThanOrEqual(112 - 1);
    expect(fittedHeight).toBeLessThan(112 - 1);

    const clock = page.getByRole('timer', { name: 'Time left' });
    expect(await clock.textContent()).toBe('5:00');
    await page.getByRole('combobox', { name: 'Timer length' }).selectOption({ label: '2 minutes' });
    expect(await clock.textContent()).toBe('2:00');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).toBe('1:59');
    await page.getByRole('button', { name: 'Pause timer' }).click();
    const paused = await clock.textContent();
    await page.waitForTimeout(1300);
    expect(await clock.textContent()).toBe(paused);
    await page.getByRole('button', { name: 'Resume timer' }).waitFor();
    await page.getByRole('button', { name: 'Reset timer' }).click();
    expect(await clock.textContent()).toBe('2:00');

    // Editing goes on as usual: the keyboard adds and names a card.
    await page.getByRole('button', { name: 'Add card to Thoughts in Order' }).click();
    await page.keyboard.type('Will the router arrive in time?');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Thoughts: Will the router arrive in time?', exact: true }).waitFor();

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await clock.count()).toBe(0);
    await expect.poll(async () => (await card.boundingBox())!.height).toBeCloseTo(fittedHeight, 0);
    await context.close();
  });

  it('brings a card reached with Tab into view, and keeps it there when it is selected', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const map = page.getByRole('region', { name: 'Journey map' });
    const inView = async (name: string) => {
      const [b, m] = [await settledBox(page.getByRole('button', { name, exact: true })), (await map.boundingBox())!];
      return b.x >= m.x && b.y >= m.y && b.x + b.width <= m.x + m.width && b.y + b.height <= m.y + m.height;
    };
    // At full size the map is larger than the screen: the last card, in the last lane, is out of view.
    const names = await page.locator('.card').evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')!));
    const last = names[names.length - 1]!;
    expect(await inView(last)).toBe(false);
    await page.getByRole('button', { name: names[names.length - 2]!, exact: true }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(last);
    await expect.poll(() => inView(last)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    expect(await inView(last)).toBe(true);
    await context.close();
  });

  it('says when time is up', async () => {
    const context = await browser().newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await page.clock.install();
    // Counts the tones the page plays through the Web Audio API.
    await context.addInitScript(() => {
      const w = window as unknown as { __tones: number };
      w.__tones = 0;
      const startTone = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: Parameters<OscillatorNode['start']>) {
        w.__tones += 1;
        return startTone.apply(this, args);
      };
    });
    await page.goto(baseUrl() + '/');
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.getByRole('combobox', { name: 'Timer length' }).selectOption({ label: '1 minute' });
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.clock.fastForward('01:01');
    await page.getByRole('status', { name: 'Time is up' }).waitFor();
    const clock = page.getByRole('timer', { name: 'Time left' });
    expect(await clock.textContent()).toBe('0:00');
    // A chime was played (the page's own audio, counted as it plays its tones).
    expect(await page.evaluate(() => (window as unknown as { __tones: number }).__tones)).toBe(3);
    // One more minute: it runs again from 1:00.
    await page.getByRole('button', { name: '+1 minute' }).click();
    expect(await clock.textContent()).toBe('1:00');
    await page.clock.fastForward('00:10');
    await expect.poll(() => clock.textContent()).toBe('0:50');
    // With the sound switched off, time up is said but not heard.
    const sound = page.getByRole('button', { name: 'Sound' });
    await sound.click();
    expect(await sound.getAttribute('aria-pressed')).toBe('false');
    await page.clock.fastForward('00:51');
    await expect.poll(() => clock.textContent()).toBe('0:00');
    expect(await page.evaluate(() => (window as unknown as { __tones: number }).__tones)).toBe(3);
    // Started again, it runs the full length.
    await page.getByRole('button', { name: 'Start timer' }).click();
    expect(await clock.textContent()).toBe('2:00');
    await context.close();
  });

  it('stays on, with the timer running, across a reload of the tab', async () => {
    const { context, page } = await openApp(browser());
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.getByRole('combobox', { name: 'Timer length' }).selectOption({ label: '3 minutes' });
    await page.getByRole('button', { name: 'Start timer' }).click();
    await page.reload();
    const toggle = page.getByRole('button', { name: 'Workshop mode' });
    await toggle.waitFor();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('button', { name: 'Pause timer' }).waitFor();
    await expect
      .poll(() => page.getByRole('timer', { name: 'Time left' }).textContent(), { timeout: 5000 })
      .toMatch(/^2:5\d$/);
    await context.close();
  });

  it('presents stage by stage at 1280x720: the keyboard moves, the stage is framed, the others veiled', async () => {
    const { context, page } = await openApp(browser());
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const present = page.getByRole('button', { name: 'Present' });
    await present.click();
    expect(await present.getAttribute('aria-pressed')).toBe('true');
    const where = page.getByRole('status').filter({ hasText: /^Stage \d of 5/ });
    await where.getByText('Stage 1 of 5: Plan the move').waitFor();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await where.getByText('Stage 3 of 5: Installation').waitFor();
    // The presented stage's cards are on screen and not veiled; another stage's are veiled.
    const shown = page.getByRole('button', { name: 'Actions: Waits in all morning for the engineer', exact: true });
    const box = await settledBox(shown);
    expect(box.x).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThan(1280);
    const veiled = await page.evaluate(() => {
      // A veil lets the pointer through, so it is found by where it is drawn.
      const veils = [...document.querySelectorAll('.present-veil')].map((v) => v.getBoundingClientRect());
      const at = (el: Element) => {
        const r = el.getBoundingClientRect();
        const [x, y] = [r.x + r.width / 2, r.y + r.height / 2];
        return veils.some((v) => x >= v.left && x <= v.right && y >= v.top && y <= v.bottom);
      };
      const cards = [...document.querySelectorAll('.card')];
      const find = (text: string) => cards.find((c) => c.textContent?.includes(text))!;
      return { shown: at(find('Waits in all morning')), other: at(find('Orders online and picks')) };
    });
    expect(veiled).toEqual({ shown: false, other: true });
    // Back with a clicker's Page Up; past the first stage it stays on the first.
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await where.getByText('Stage 1 of 5: Plan the move').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => present.getAttribute('aria-pressed')).toBe('false');
    expect(await page.locator('.present-veil').count()).toBe(0);
    await context.close();
  });

  it('keeps the stage names pinned at the top when the map is scrolled down to Pain points', async () => {
    const { context, page } = await openApp(browser());
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const map = (await page.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    // Drag the map up until the Pain points lane is in view.
    await page.mouse.move(map.x + 600, map.y + map.height - 10);
    await page.mouse.down();
    await page.mouse.move(map.x + 600, map.y - 400, { steps: 10 });
    await page.mouse.up();
    const pain = await settledBox(page.getByRole('group', { name: 'Lane Pain points' }));
    expect(pain.y).toBeLessThan(map.y + map.height);
    // The headers themselves went up with the map; their names are pinned at the map's top.
    const header = (await page.getByRole('group', { name: 'Stage Installation' }).boundingBox())!;
    expect(header.y + header.height).toBeLessThan(map.y);
    const pinned = page.locator('.stage-rail').getByText('Installation', { exact: true });
    const box = (await pinned.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(map.y - 1);
    expect(box.y + box.height).toBeLessThan(map.y + 70);
    expect(box.x).toBeGreaterThan(0);
    expect(box.x + box.width).toBeLessThan(1280);
    await context.close();
  });

  it('captures twelve cards across two lanes and two stages from the keyboard, and five pasted lines at once', async () => {
    const { context, page } = await openApp(browser());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const bar = page.getByRole('textbox', { name: 'Quick capture' });
    const where = page.getByRole('status', { name: 'Captures into' });
    await bar.focus();
    const capture = async (ideas: string[]) => {
      for (const idea of ideas) {
        await page.keyboard.type(idea);
        await page.keyboard.press('Enter');
        await expect.poll(() => bar.inputValue()).toBe('');
      }
    };
    expect(await where.textContent()).toBe('Actions · Plan the move');
    await capture(['Sucht Anbieter', 'Fragt Nachbarn', 'Liest Bewertungen']);
    await page.keyboard.press('Tab');
    expect(await where.textContent()).toBe('Touchpoints · Plan the move');
    await capture(['Vergleichsportal', 'Forum', 'Hotline']);
    await page.keyboard.press('Control+ArrowRight');
    expect(await where.textContent()).toBe('Touchpoints · Order');
    await capture(['App', 'Website', 'E-Mail']);
    await page.keyboard.press('Shift+Tab');
    expect(await where.textContent()).toBe('Actions · Order');
    await capture(['Bestellt', 'Zahlt', 'Wartet']);
    // The focus never left the bar.
    expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
    const inStage = async (label: string, stage: string) => {
      const cardBox = await settledBox(page.getByRole('button', { name: label, exact: true }));
      const header = (await page.getByRole('group', { name: `Stage ${stage}` }).boundingBox())!;
      const mid = cardBox.x + cardBox.width / 2;
      return mid > header.x && mid < header.x + header.width;
    };
    expect(await inStage('Actions: Liest Bewertungen', 'Plan the move')).toBe(true);
    expect(await inStage('Touchpoints: Hotline', 'Plan the move')).toBe(true);
    expect(await inStage('Touchpoints: E-Mail', 'Order')).toBe(true);
    expect(await inStage('Actions: Wartet', 'Order')).toBe(true);

    // Five lines from a chat, pasted: five cards, and one Undo takes them all back.
    const before = await page.locator('.card').count();
    await page.evaluate(() =>
      navigator.clipboard.writeText('- Hold music\n- 配達が遅い\n\n- Lost password\n- Two bills\n- No SMS'),
    );
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.card').count()).toBe(before + 5);
    await page.getByRole('button', { name: 'Actions: 配達が遅い', exact: true }).waitFor();
    expect(await bar.inputValue()).toBe('');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(before);

    // Pasted on a cell's ＋: one card per line in that cell.
    await page.getByRole('button', { name: 'Add card to Pain points in Installation' }).focus();
    await page.evaluate(() => navigator.clipboard.writeText('Techniker kam nicht\nKein Rückruf\nZweiter Termin nötig'));
    await page.keyboard.press('Control+V');
    await expect.poll(() => page.locator('.card').count()).toBe(before + 3);
    expect(await inStage('Pain points: Kein Rückruf', 'Installation')).toBe(true);
    await context.close();
  });

  it('opens Card details over the map without moving the map', async () => {
    const { context, page } = await openApp(browser());
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const card = page.getByRole('button', {
      name: 'Actions: Orders online and picks the earliest install slot',
      exact: true,
    });
    const map = page.getByRole('region', { name: 'Journey map' });
    const mapBefore = (await map.boundingBox())!;
    const before = await settledBox(card);
    await card.click();
    await page.getByRole('region', { name: 'Card details' }).waitFor();
    const after = await settledBox(card);
    // The map keeps its whole width: the panel lies over it.
    expect((await map.boundingBox())!.width).toBe(mapBefore.width);
    expect(Math.abs(after.x - before.x)).toBeLessThan(1);
    expect(Math.abs(after.y - before.y)).toBeLessThan(1);
    expect(Math.abs(after.width - before.width)).toBeLessThan(1);
    await context.close();
  });

  it('zooms for the room: Fit 3 stages draws card titles at least 18 px high at 1280x720', async () => {
    const { context, page } = await openApp(browser());
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    const stages = ['Plan the move', 'Order', 'Installation', 'First week', 'First bill'];
    /** Which stage headers are wholly on screen, and the card titles' size there. */
    const view = () =>
      page.evaluate((names) => {
        const whole = names.filter((name) => {
          const el = document.querySelector(`[role="group"][aria-label="Stage ${name}"]`);
          const r = el?.getBoundingClientRect();
          return !!r && r.left >= -1 && r.right <= window.innerWidth + 1;
        });
        const title = document.querySelector('.card__title')!;
        const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
        return { whole, titlePx: parseFloat(getComputedStyle(title).fontSize) * zoom };
      }, stages);
    const zoom = page.getByRole('group', { name: 'Zoom for the room' });
    await zoom.getByRole('button', { name: 'Fit 3 stages' }).click();
    await expect.poll(async () => (await view()).whole).toEqual(stages.slice(0, 3));
    expect((await view()).titlePx).toBeGreaterThanOrEqual(18);
    await zoom.getByRole('button', { name: 'Fit one stage' }).click();
    await expect.poll(async () => (await view()).whole).toEqual(stages.slice(0, 1));
    await zoom.getByRole('button', { name: 'Fit width' }).click();
    await expect.poll(async () => (await view()).whole).toEqual(stages);
    await context.close();
  });
});

describe('the parking lot', () => {
  it('holds ideas with no cell yet; one dragged onto the map becomes a card there, one placed from the keyboard too', async () => {
    const { context, page } = await openApp(browser(), '/', { viewport: { width: 1280, height: 720 } });
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.getByRole('button', { name: /^Parking lot/ }).click();
    const lot = page.getByRole('complementary', { name: /Parking lot/ });
    const input = lot.getByRole('textbox', { name: 'Park an idea' });
    await input.fill('Loyalty discount for movers');
    await input.press('Enter');
    await input.fill('Ask legal about contract length');
    await input.press('Enter');
    const ideas = lot.getByRole('listitem');
    await expect.poll(() => ideas.count()).toBe(2);

    // Dragged onto the Touchpoints cell of Order.
    const target = page.getByRole('button', { name: 'Touchpoints: Checkout in the mobile app', exact: true });
    await ideas.filter({ hasText: 'Loyalty discount for movers' }).dragTo(target);
    await page.getByRole('button', { name: 'Touchpoints: Loyalty discount for movers', exact: true }).waitFor();
    await expect.poll(() => ideas.count()).toBe(1);
    // Placed from the keyboard in Quick capture's cell.
    const capture = page.getByRole('textbox', { name: 'Quick capture' });
    await capture.focus();
    await capture.press('Tab'); // Touchpoints
    await capture.press('Control+ArrowRight'); // Order
    const place = lot.getByRole('button', { name: 'Place “Ask legal about contract length” in Touchpoints · Order' });
    await place.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Touchpoints: Ask legal about contract length', exact: true }).waitFor();
    // At the end of the cell, after the card dragged into it (below its middle: after it).
    const order = await page
      .locator('.card[aria-label^="Touchpoints:"]')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')));
    expect(order.indexOf('Touchpoints: Ask legal about contract length')).toBeGreaterThan(
      order.indexOf('Touchpoints: Loyalty discount for movers'),
    );
    await expect.poll(() => ideas.count()).toBe(0);
    await page.screenshot({ path: '/tmp/parking.png' });

    // What waits in the lot outlives a reload.
    await input.fill('Text the engineer’s photo before the visit');
    await input.press('Enter');
    await page.reload();
    await lot.getByText('Text the engineer’s photo before the visit').waitFor();
    await context.close();
  });
});

describe('a whole workshop at 1280x720', () => {
  it('runs from entering workshop mode to leaving it, and everything is there after a reload', async () => {
    const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(baseUrl() + '/');
    await page.getByRole('link', { name: DEMO }).click();
    await page.getByRole('button', { name: 'Workshop mode' }).click();

    // The stage names stay in sight down at Pain points.
    await page.getByRole('button', { name: 'Fit 3 stages' }).click();
    const map = (await page.getByRole('region', { name: 'Journey map' }).boundingBox())!;
    await page.mouse.move(map.x + 600, map.y + map.height - 10);
    await page.mouse.down();
    await page.mouse.move(map.x + 600, map.y - 400, { steps: 10 });
    await page.mouse.up();
    await page.getByRole('group', { name: 'Lane Pain points' }).waitFor();
    const pinned = page.locator('.stage-rail').getByText('Installation', { exact: true });
    await expect.poll(async () => (await pinned.boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(map.y - 1);

    // Present stages 1 to 3 from the keyboard, then end.
    await page.keyboard.press('p');
    const where = page.getByRole('status').filter({ hasText: /^Stage \d of 5/ });
    await expect.poll(() => where.textContent()).toBe('Stage 1 of 5: Plan the move');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await expect.poll(() => where.textContent()).toBe('Stage 3 of 5: Installation');
    await page.keyboard.press('Escape');

    // Twelve ideas captured without the mouse, across two lanes and two stages; five pasted.
    await page.keyboard.press('n');
    const bar = page.getByRole('textbox', { name: 'Quick capture' });
    expect(await bar.evaluate((el) => el === document.activeElement)).toBe(true);
    for (const [i, idea] of ['Idee 1', 'Idee 2', 'Idee 3', 'アイデア 4', 'Idea 5', 'Idea 6'].entries()) {
      if (i === 3) await page.keyboard.press('Tab');
      await page.keyboard.type(idea);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.press('Control+ArrowRight');
    for (const [i, idea] of ['Ideja 7', 'Ideja 8', 'Ideja 9', 'Idea 10', 'Idea 11', 'Idea 12'].entries()) {
      if (i === 3) await page.keyboard.press('Shift+Tab');
      await page.keyboard.type(idea);
      await page.keyboard.press('Enter');
    }
    await page.evaluate(() => navigator.clipboard.writeText('Paste 1\nPaste 2\nPaste 3\nPaste 4\nPaste 5'));
    await page.keyboard.press('Control+V');
    await page.getByRole('button', { name: 'Actions: Paste 5', exact: true }).waitFor();

    // A solo vote with three dots, closed: ranked, and the round's dots added to the totals.
    // Started at once: three dots each, on pain points and opportunities.
    await page.getByRole('button', { name: 'Start vote' }).click();
    const give = (title: string) => page.getByRole('button', { name: `Vote for ${title}`, exact: true });
    await give('Live engineer tracking with a 30-minute window').click();
    await give('Live engineer tracking with a 30-minute window').click();
    await give('Show a firm availability answer by flat number').click();
    await page.getByRole('button', { name: 'Close vote' }).click();
    const rows = page.getByRole('region', { name: 'Vote results' }).getByRole('listitem');
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('Live engineer tracking with a 30-minute window2 votes'),
      expect.stringContaining('Show a firm availability answer by flat number1 vote'),
    ]);

    // A one-minute time-box runs out.
    await page.getByRole('combobox', { name: 'Timer length' }).selectOption({ label: '1 minute' });
    await page.keyboard.press('t');
    await page.clock.fastForward('01:01');
    await page.getByRole('status', { name: 'Time is up' }).waitFor();

    await page.getByRole('button', { name: 'Workshop mode' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
    for (const idea of ['Idee 1', 'Idea 6', 'Ideja 9', 'Idea 12', 'Paste 5'])
      expect(await page.locator('.card', { hasText: idea }).count()).toBe(1);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'JSON file' }).click();
    const file = JSON.parse(await readDownload(await downloading)) as {
      journeys: { cards: { title: string; votes?: number }[] }[];
    };
    const votes = Object.fromEntries(file.journeys[0]!.cards.map((c) => [c.title, c.votes]));
    // Added to the demo's earlier counts (6 and 2): a vote round never replaces the ones before.
    expect(votes['Live engineer tracking with a 30-minute window']).toBe(8);
    expect(votes['Show a firm availability answer by flat number']).toBe(3);
    await page.getByRole('region', { name: 'Vote results' }).waitFor();
    await context.close();
  });
});
