/**
 * The action plan figure of `npm run bench`: opening the plan across many journeys.
 */
import { generateJourneyFile } from './generate.mjs';

/**
 * A workspace file of `journeys` journeys, each with `opportunities` opportunity cards (rated,
 * owned, voted) beside a fifth as many pain points and a few metrics, over 8 stages.
 */
function planWorkspace(journeys, opportunities) {
  const list = [];
  for (let j = 0; j < journeys; j++) {
    // Ten lane kinds in turn: 10 cards per opportunity; keep the opportunities, pains and metrics.
    const one = generateJourneyFile({ cards: opportunities * 10, stages: 8, seed: j + 1 }).journeys[0];
    const p = `w${j}-`;
    const keep = one.cards.filter(
      (c, i) =>
        c.laneId === 'l-opportunities' ||
        (c.laneId === 'l-painPoints' && i % 50 < 20) ||
        (c.laneId === 'l-metrics' && i % 200 < 20),
    );
    list.push({
      ...one,
      id: `${p}j`,
      title: `Plan journey ${j + 1}`,
      stages: one.stages.map((s) => ({ ...s, id: p + s.id })),
      lanes: one.lanes.map((l) => ({ ...l, id: p + l.id })),
      cards: keep.map((c, i) => ({
        ...c,
        id: p + c.id,
        stageId: p + c.stageId,
        laneId: p + c.laneId,
        ...(c.laneId === 'l-opportunities' ? { owner: ['Mia', 'Jānis', '李娜', 'Aminah'][i % 4] } : {}),
      })),
      connections: [],
    });
  }
  return { ...generateJourneyFile({ cards: 0 }), journeys: list };
}

/** Times a click on the Action plan link until the table's first row is drawn; after a reload, so storage is read too. */
async function openPlan(browser, base, file) {
  const ctx = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await ctx.newPage();
  await page.goto(`${base}/`);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page.getByLabel('Import file').setInputFiles(file);
  await page.getByRole('link', { name: 'Plan journey 1', exact: true }).waitFor({ timeout: 120_000 });
  const times = {};
  for (const phase of ['cold', 'warm']) {
    if (phase === 'cold') {
      await page.reload();
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      // A person takes a moment to reach the link: the page has settled (its idle-time fetches done).
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
    } else {
      await page.getByRole('link', { name: 'Journeys', exact: true }).click();
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
    }
    times[phase] = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const link = [...document.querySelectorAll('nav a')].find((a) => a.textContent === 'Action plan');
          const start = performance.now();
          link.click();
          const poll = () => {
            if (document.querySelector('.plan-table tbody tr') && document.querySelector('.matrix__chip'))
              requestAnimationFrame(() => resolve(performance.now() - start));
            else requestAnimationFrame(poll);
          };
          poll();
        }),
    );
  }
  await ctx.close();
  return times;
}

export async function benchPlan({ browser, base, record, median, ms, ratio, runs }) {
  const big = planWorkspace(50, 100);
  const small = planWorkspace(5, 100);
  const file = (doc, name) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  const cold = { big: [], small: [] };
  const warm = [];
  for (let r = 0; r < runs; r++) {
    const b = await openPlan(browser, base, file(big, 'plan-50.journey.json'));
    cold.big.push(b.cold);
    warm.push(b.warm);
    cold.small.push((await openPlan(browser, base, file(small, 'plan-5.journey.json'))).cold);
  }
  record(
    'Action plan across 50 journeys (5,000 opportunities), opened after a reload',
    ms(median(cold.big)),
    `5 journeys (500) ${ms(median(cold.small))}; ${ratio(median(cold.big), median(cold.small))}; again, in memory ${ms(median(warm))}`,
    '≤ 500 ms',
  );
}
