/**
 * Joining a live 1,000-card, 300-connection journey, against opening the same journey here from
 * IndexedDB, both in the same run (`npm run bench`, or this figure alone: `npm run bench -- --only join`).
 * Two pairs: from pressing `Join` against opening the journey in a tab already started, and from
 * opening the link against opening the journey's address (a page load each, start-up included).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateJourneyFile } from './generate.mjs';

const TITLE = 'Generated 1000';
const CARDS = 1000;

/** Resolves, on the page's clock, at the first frame showing `count` card nodes. */
const drawn = (page, count) =>
  page.evaluate(
    (n) =>
      new Promise((done) => {
        const tick = () => {
          const shown = [...document.querySelectorAll('.react-flow__node-card')].filter(
            (el) => el.style.visibility !== 'hidden',
          ).length;
          if (shown >= n) done(performance.now());
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    count,
  );

/** Shares the open journey from `host`; returns the edit link. */
async function share(host) {
  await host.getByRole('button', { name: 'Share live' }).click();
  const dialog = host.getByRole('dialog', { name: 'Share live' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Host');
  await dialog.getByRole('button', { name: 'Start live session' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

/** `url`: the live server's address (it serves the app too). */
/** Two decimals: the target is 1.2x. */
const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

export async function benchJoin({ browser, url, record, median, ms, runs }) {
  const dir = mkdtempSync(join(tmpdir(), 'jc-bench-join-'));
  const file = join(dir, 'generated-1000.journey.json');
  writeFileSync(file, JSON.stringify(generateJourneyFile({ cards: CARDS, connections: 300, title: TITLE })));
  const viewport = { width: 1600, height: 1000 };
  const joins = [];
  const opens = [];
  const linkJoins = [];
  const addressOpens = [];
  try {
    for (let i = 0; i < runs; i++) {
      const hostCtx = await browser.newContext({ viewport });
      const host = await hostCtx.newPage();
      await host.goto(`${url}/`);
      await host.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await host.getByLabel('Import file').setInputFiles(file);
      await host.getByRole('link', { name: TITLE }).click();
      await host.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      const href = host.url().slice(host.url().indexOf('#'));
      const link = await share(host);

      // From pressing Join: the name typed, as a person does once the dialog is there.
      {
        const ctx = await browser.newContext({ viewport });
        const guest = await ctx.newPage();
        await guest.goto(link);
        const dialog = guest.getByRole('dialog', { name: 'Join live session' });
        await dialog.getByRole('textbox', { name: 'Your name' }).fill('Guest');
        const start = await guest.evaluate(() => performance.now());
        const done = drawn(guest, CARDS);
        await dialog.getByRole('button', { name: 'Join' }).click();
        joins.push((await done) - start);
        await ctx.close();
      }
      // From opening the link (navigation start), the name typed as soon as it is asked.
      {
        const ctx = await browser.newContext({ viewport });
        const guest = await ctx.newPage();
        await guest.goto(link, { waitUntil: 'commit' });
        const done = drawn(guest, CARDS).catch(() => drawn(guest, CARDS));
        const dialog = guest.getByRole('dialog', { name: 'Join live session' });
        await dialog.getByRole('textbox', { name: 'Your name' }).fill('Guest');
        await dialog.getByRole('button', { name: 'Join' }).click();
        linkJoins.push(await done);
        await ctx.close();
      }

      // The baselines, in the host's own profile: the journey opened in a tab already started, and
      // its address opened in a new tab (navigation start until drawn).
      const again = await hostCtx.newPage();
      await again.goto(`${url}/`);
      await again.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      const t0 = await again.evaluate(() => performance.now());
      const opened = drawn(again, CARDS);
      await again.evaluate((h) => (location.hash = h), href);
      opens.push((await opened) - t0);
      await again.close();
      const byAddress = await hostCtx.newPage();
      await byAddress.goto(`${url}/${href}`, { waitUntil: 'commit' });
      addressOpens.push(await drawn(byAddress, CARDS).catch(() => drawn(byAddress, CARDS)));
      await hostCtx.close();
      console.log(
        `  join run ${i + 1}: Join ${ms(joins.at(-1))} / open ${ms(opens.at(-1))}; link ${ms(linkJoins.at(-1))} / address ${ms(addressOpens.at(-1))}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const range = (xs) => `${ms(median(xs))} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
  record(
    'Join a live 1,000-card, 300-connection journey, from Join until every card is drawn (min–max)',
    range(joins),
    `opening it from IndexedDB ${range(opens)}; ${ratio(median(joins), median(opens))}`,
    '≤ 2000 ms and ≤ 1.2x',
    `median of ${runs}`,
  );
  record(
    'Join the same journey from opening the link in a browser new to the app, until every card is drawn (min–max)',
    range(linkJoins),
    `opening its address in the sharer's browser ${range(addressOpens)}; ${ratio(median(linkJoins), median(addressOpens))}`,
    '–',
    `median of ${runs}`,
  );
}
