/**
 * The live-session figures of `npm run bench`: each runs against the live server started as its
 * own process, as `npm run serve` starts it (the production build must exist), so its memory and
 * CPU are its own.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../server/live-helpers.ts';
import { benchJoin } from './join.mjs';

const DEMO = 'Moving broadband — Priya';
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
const sleep = (t) => new Promise((r) => setTimeout(r, t));

async function freePort() {
  const probe = createServer();
  await new Promise((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address();
  await new Promise((r) => probe.close(r));
  return port;
}

/** `npm run serve`'s server (without its build step), as a process of its own. */
export async function startServerProcess(root) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jc-bench-live-'));
  const port = await freePort();
  const proc = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/server/main.ts')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ready, fail) => {
    proc.stdout.on('data', (chunk) => String(chunk).includes('served at') && ready());
    proc.on('exit', (code) => fail(new Error(`the live server exited (${code})`)));
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/live`,
    pid: proc.pid,
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** CPU seconds a process has used, and its resident memory in MB (Linux' /proc). */
function usage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks of 1/100 s
  const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  return { cpu, rss };
}

/** Shares the open journey from `host`; returns the edit link. */
async function share(host, name) {
  await host.getByRole('button', { name: 'Share live' }).click();
  const dialog = host.getByRole('dialog', { name: 'Share live' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Start live session' }).click();
  const link = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  return link;
}

async function openDemo(browser, url) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${url}/`);
  await page.getByRole('link', { name: DEMO }).click();
  await page.getByRole('heading', { level: 1, name: DEMO }).waitFor();
  return { ctx, page };
}

async function joinRoom(browser, link, name, title = DEMO) {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(link);
  const dialog = page.getByRole('dialog', { name: 'Join live session' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 60_000 });
  return { ctx, page };
}

/** The page notes, on the clock every page and this process share, when each marked text first shows. */
function watchTitles(page, pattern) {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    window.__seen = {};
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.card__title')) {
        const m = re.exec(el.textContent ?? '');
        if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = performance.timeOrigin + performance.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  }, pattern);
}

/** Sets the focused text box as typing would, and returns when, on the shared clock. */
function typeInto(page, text) {
  return page.evaluate((value) => {
    const el = document.activeElement;
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
    const at = performance.timeOrigin + performance.now();
    setter.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    return at;
  }, text);
}

async function focusFirstTitle(page) {
  await page.locator('.card').first().click();
  await page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' }).click();
}

const roomOf = (link) => {
  const [, room, secret] = /#\/live\/([^/]+)\/([^/]+)$/.exec(link);
  return { room: decodeURIComponent(room), secret: decodeURIComponent(secret) };
};

export async function benchLive({ browser, root, record, median, ms, ratio, runs }) {
  const server = await startServerProcess(root);
  try {
    const only = process.env.BENCH_ONLY;
    // 7b. One edit in browser A until it is drawn in browser B.
    if (!only) {
      const a = await openDemo(browser, server.url);
      const link = await share(a.page, 'A');
      const b = await joinRoom(browser, link, 'B');
      await focusFirstTitle(a.page);
      await watchTitles(b.page, '^live edit (\\d+)$');
      const sent = {};
      for (let i = 0; i < 100; i++) {
        sent[i] = await typeInto(a.page, `live edit ${i}`);
        await b.page.waitForFunction((n) => n in window.__seen, String(i), { timeout: 10_000 });
      }
      const seen = await b.page.evaluate(() => window.__seen);
      const lat = Object.keys(sent)
        .map((i) => seen[i] - sent[i])
        .sort((x, y) => x - y);
      await a.ctx.close();
      await b.ctx.close();
      record(
        'Live session: an edit in browser A until drawn in browser B, loopback (p95 of 100 edits)',
        ms(pct(lat, 0.95)),
        `median ${ms(median(lat))}`,
        '≤ 100 ms',
      );
    }

    // 7c. 30 participants in one room, each making one edit a second for 60 s: 2 browsers and 28
    // providers in this process, each editing its own card's title.
    if (!only) {
      const seconds = Number(process.env.BENCH_LIVE_SECONDS ?? 60);
      const a = await openDemo(browser, server.url);
      const link = await share(a.page, 'A');
      const b = await joinRoom(browser, link, 'B');
      const { room, secret } = roomOf(link);
      const clients = Array.from({ length: 28 }, () => connect(server.wsUrl, room, secret));
      await Promise.all(clients.map((c) => c.synced));
      const now = () => performance.timeOrigin + performance.now();
      const delays = [];
      // Every provider notes how long each other provider's edit took to reach it.
      for (const c of clients) {
        c.doc.on('afterTransaction', (tr) => {
          if (tr.local) return;
          const cards = c.doc.getMap('cards');
          for (const [type] of tr.changed) {
            const title = type.get?.('title');
            const m = typeof title === 'string' && /^p\d+ \d+ (\d+(?:\.\d+)?)$/.exec(title);
            if (m && type.parent === cards) delays.push(now() - Number(m[1]));
          }
        });
      }
      const cardIds = [...clients[0].doc.getMap('cards').keys()];
      await focusFirstTitle(a.page);
      await watchTitles(b.page, '^A (\\d+)$');
      const before = usage(server.pid);
      let peak = before.rss;
      const sentA = {};
      const timers = clients.map((c, i) => {
        const card = c.doc.getMap('cards').get(cardIds[(i + 1) % cardIds.length]);
        let n = 0;
        // Started at a random moment of the first second, as people do not type in step.
        return setTimeout(() => {
          timers[i] = setInterval(() => card.set('title', `p${i} ${n++} ${now()}`), 1000);
        }, Math.random() * 1000);
      });
      const end = Date.now() + seconds * 1000;
      for (let n = 0; Date.now() < end; n++) {
        sentA[n] = await typeInto(a.page, `A ${n}`);
        peak = Math.max(peak, usage(server.pid).rss);
        await sleep(1000);
      }
      for (const t of timers) clearInterval(t);
      const after = usage(server.pid);
      await sleep(500);
      const seenB = await b.page.evaluate(() => window.__seen);
      for (const [n, at] of Object.entries(sentA)) if (seenB[n]) delays.push(seenB[n] - at);
      const missed = Object.keys(sentA).filter((n) => !seenB[n]).length;
      delays.sort((x, y) => x - y);
      for (const c of clients) c.close();
      await a.ctx.close();
      await b.ctx.close();
      const cpu = ((after.cpu - before.cpu) / seconds) * 100;
      record(
        `Live session of 30 participants, one edit a second each for ${seconds} s: edit until received (p95 of ${delays.length})`,
        ms(pct(delays, 0.95)),
        `median ${ms(median(delays))}; server ${cpu.toFixed(0)}% of one core, ${peak.toFixed(0)} MB resident at most`,
        '≤ 150 ms',
        missed ? `${missed} of browser A's edits never drawn in B` : '',
      );
    }

    // 7d. Joining a live 1,000-card, 300-connection journey, against opening it from IndexedDB.
    if (!only) await benchJoin({ browser, url: server.url, record, median, ms, ratio, runs: Math.max(runs, 5) });

    // 7e. Offline merge: 500 changes made offline (keystrokes in 10 cards' titles), from going
    // back online until the other browser shows them all.
    {
      const merges = [];
      for (let run = 0; run < Math.min(runs, 3); run++) {
        const a = await openDemo(browser, server.url);
        const link = await share(a.page, 'A');
        const b = await joinRoom(browser, link, 'B');
        await b.ctx.setOffline(true);
        await b.page
          .getByRole('status', { name: 'Live session', exact: true })
          .getByText(/Offline/)
          .waitFor();
        const texts = [];
        for (let i = 0; i < 10; i++) {
          await b.page.locator('.card').nth(i).click();
          const title = b.page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
          await title.fill('');
          // 50 keystrokes a card, each a change of its own.
          const text = `off ${run}-${i} typed while the network was gone`.padEnd(50, '.');
          await title.pressSequentially(text);
          texts.push(text);
        }
        const waiting = await b.page.getByRole('status', { name: 'Live session', exact: true }).textContent();
        const t0 = performance.now();
        await b.ctx.setOffline(false);
        await b.page.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
        const reconnected = performance.now() - t0;
        await a.page.waitForFunction(
          (all) => {
            const shown = new Set([...document.querySelectorAll('.card__title')].map((el) => el.textContent));
            return all.every((t) => shown.has(t));
          },
          texts,
          { polling: 'raf', timeout: 60_000 },
        );
        merges.push(performance.now() - t0);
        console.log(`  offline merge run ${run + 1}: ${waiting}, reconnected after ${reconnected.toFixed(0)} ms`);
        await a.ctx.close();
        await b.ctx.close();
      }
      record(
        'Offline merge: 500 changes made offline, from reconnecting until the other browser shows them all',
        ms(median(merges)),
        '',
        '≤ 2000 ms',
      );
    }
  } finally {
    await server.stop();
  }
}
