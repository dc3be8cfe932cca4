import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLiveServer, type LiveServer } from '../../src/server/live-server';
import { withSharedBrowser } from './browser';
import { joinBy, startSharing } from './live-helpers';

const browser = withSharedBrowser();

/** The demo's Priya journey in a room: its persona, itself, 5 stages, 10 lanes, 33 cards, 5 connections. */
const ROOM_RECORDS = 1 + 1 + 5 + 10 + 33 + 5;

let server: LiveServer;
let dataDir: string;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'jc-e2e-refused-'));
  // A room that holds two more records than the journey.
  server = await startLiveServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    staticDir: resolve(process.cwd(), 'dist'),
    roomLimits: { maxRecords: ROOM_RECORDS + 2 },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await (await browser().newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  return page;
}

async function addCard(page: Page, title: string) {
  await page.getByRole('button', { name: 'Add card to Goals in Order' }).click();
  await page.keyboard.type(title);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: `Goals: ${title}`, exact: true }).waitFor();
}

const shows = (page: Page, title: string) => page.getByRole('button', { name: `Goals: ${title}`, exact: true });

describe('a change the server refuses', () => {
  it('goes from the map that made it, and the changes after it still reach the room', async () => {
    const host = await open();
    const guest = await open();
    const { edit } = await startSharing(host);
    await joinBy(guest, edit, 'Kenji');

    await addCard(guest, 'Is the router included?');
    await addCard(guest, 'Will my number move?');
    for (const title of ['Is the router included?', 'Will my number move?']) await shows(host, title).waitFor();
    // One more than the room holds: refused, said, and gone from the map that made it.
    // (The refused card can go before its title is typed.)
    await guest.getByRole('button', { name: 'Add card to Goals in Order' }).click();
    await guest.keyboard.type('A third worry');
    await guest.getByRole('alert').filter({ hasText: 'has reached its size limit' }).waitFor();
    await expect.poll(() => shows(guest, 'A third worry').count(), { timeout: 10_000 }).toBe(0);
    expect(await shows(host, 'A third worry').count()).toBe(0);

    // Room made: the next change is the room's again (it no longer builds on the refused one).
    await shows(guest, 'Will my number move?').click();
    await guest.keyboard.press('Escape');
    await shows(guest, 'Will my number move?').click();
    await guest
      .getByRole('region', { name: 'Card details' })
      .getByRole('textbox', { name: 'Title' })
      .fill('Will my landline number move?');
    await guest.keyboard.press('Escape');
    await shows(host, 'Will my landline number move?').waitFor({ timeout: 10_000 });
    await guest.getByRole('status', { name: 'Live session', exact: true }).getByText('Live: connected').waitFor();
    // A reload keeps the room's map, not the refused card.
    await guest.reload();
    await shows(guest, 'Will my landline number move?').waitFor();
    expect(await shows(guest, 'A third worry').count()).toBe(0);
    for (const page of [host, guest]) await page.context().close();
  }, 120_000);
});
