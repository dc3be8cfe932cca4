import { createServer, connect, type Server, type Socket } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, openApp, withSharedBrowser } from './browser';
import { card, joinBy, renameCard, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The requirement: a drop, and a return, are told within this long. */
const TOLD_WITHIN_MS = 3_000;
const DROPS = 8;

const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live session', exact: true });
const statusText = (page: Page) => liveStatus(page).textContent();

/**
 * A TCP proxy to the test server whose "network" can fail as a real one does: while down, every
 * byte either way is held (sockets stay open, so the browser sees no error: the socket just goes
 * quiet, and a new one connects but its upgrade request goes nowhere); back up, it all flows again.
 */
function flakyNetwork(target: URL) {
  let up = true;
  const held: (() => void)[] = [];
  const sockets = new Set<Socket>();
  const whenUp = (run: () => void) => (up ? run() : held.push(run));
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
    }
    const pipe = (from: Socket, to: Socket) => {
      from.on('data', (data: Buffer) => whenUp(() => to.write(data)));
      from.on('close', () => whenUp(() => to.destroy()));
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  return {
    async start(): Promise<string> {
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      return `http://127.0.0.1:${address.port}`;
    },
    down() {
      up = false;
    },
    up() {
      up = true;
      for (const run of held.splice(0)) run();
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}

describe('a live session on a network that drops', () => {
  const network = flakyNetwork(new URL(baseUrl()));
  let proxied = '';
  beforeAll(async () => {
    proxied = await network.start();
  });
  afterAll(() => network.stop());

  it(`says so within 3 s each time the network goes silent and each time it is back (${DROPS} drops)`, async () => {
    const host = await openApp(browser());
    const { edit } = await startSharing(host.page);
    const guest = await openApp(browser());
    await guest.page.goto(proxied + '/');
    await joinBy(guest.page, edit.replace(baseUrl(), proxied), 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();

    const told: { lost: number; back: number }[] = [];
    for (let i = 0; i < DROPS; i++) {
      network.down();
      const downAt = Date.now();
      await expect
        .poll(() => statusText(guest.page), { timeout: TOLD_WITHIN_MS, interval: 50 })
        .not.toBe('Live: connected');
      const lost = Date.now() - downAt;
      network.up();
      const upAt = Date.now();
      await expect
        .poll(() => statusText(guest.page), { timeout: TOLD_WITHIN_MS, interval: 50 })
        .toBe('Live: connected');
      told.push({ lost, back: Date.now() - upAt });
    }
    console.warn(`network drops told after (ms): ${told.map((t) => `lost ${t.lost}, back ${t.back}`).join('; ')}`);

    // The session works after all that: a change goes through both ways.
    const target = (await guest.page.locator('.card').nth(1).getAttribute('aria-label'))!;
    await renameCard(guest.page, target, 'After eight drops');
    await card(host.page, `${target.split(':')[0]}: After eight drops`).waitFor();
    for (const c of [host, guest]) await c.context.close();
  }, 120_000);

  it(`says so within 3 s each time the browser goes offline and each time it is back (${DROPS} times)`, async () => {
    const host = await openApp(browser());
    const { edit } = await startSharing(host.page);
    const guest = await openApp(browser());
    await joinBy(guest.page, edit, 'Kenji');
    await liveStatus(guest.page).getByText('Live: connected').waitFor();

    const told: { lost: number; back: number }[] = [];
    for (let i = 0; i < DROPS; i++) {
      await guest.context.setOffline(true);
      const downAt = Date.now();
      await expect
        .poll(() => statusText(guest.page), { timeout: TOLD_WITHIN_MS, interval: 50 })
        .not.toBe('Live: connected');
      const lost = Date.now() - downAt;
      await guest.context.setOffline(false);
      const upAt = Date.now();
      await expect
        .poll(() => statusText(guest.page), { timeout: TOLD_WITHIN_MS, interval: 50 })
        .toBe('Live: connected');
      told.push({ lost, back: Date.now() - upAt });
    }
    console.warn(`offline told after (ms): ${told.map((t) => `lost ${t.lost}, back ${t.back}`).join('; ')}`);

    const target = (await guest.page.locator('.card').nth(1).getAttribute('aria-label'))!;
    await renameCard(guest.page, target, 'After going offline eight times');
    await card(host.page, `${target.split(':')[0]}: After going offline eight times`).waitFor();
    for (const c of [host, guest]) await c.context.close();
  }, 120_000);
});
