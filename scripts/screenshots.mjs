/**
 * `npm run screenshots`: pictures for the README, taken from the production build in headless
 * Chromium: the Journeys screen and both shared examples at fit-to-screen.
 */
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = resolve(import.meta.dirname, '..');
const examples = resolve(root, 'tests/fixtures');
const out = (name) => resolve(root, 'docs/screenshots', name);
const server = await preview({ root, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(base);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  await page
    .getByLabel('Import file')
    .setInputFiles([
      `${examples}/appointment-reschedule.journey.json`,
      `${examples}/headphones-two-personas.journey.json`,
    ]);
  await page.getByRole('link', { name: 'Headphones order — Ruth' }).waitFor();
  await page.screenshot({ path: out('journeys.png') });
  for (const [title, file] of [
    ['Moving broadband — Priya', 'demo-priya.png'],
    ['Rescheduling an appointment', 'appointment-reschedule.png'],
    ['Headphones order — Sam', 'headphones-sam.png'],
  ]) {
    await page.goto(base);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.waitForTimeout(600);
    await page.getByRole('button', { name: 'Fit View' }).click();
    await page.waitForTimeout(400);
    await page.screenshot({ path: out(file) });
  }
  await page.goto(base);
  await page.getByRole('link', { name: 'Moving broadband — Priya' }).click();
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.getByRole('button', { name: 'Start timer' }).click();
  await page.waitForTimeout(2500);
  await page.screenshot({ path: out('workshop.png') });
  await page.getByRole('button', { name: 'Workshop mode' }).click();
  await page.goto(`${base}#/compare?journeys=j-sam,j-ruth`);
  await page.getByText('differ most at').waitFor();
  await page.waitForTimeout(4000); // let the import toast go
  await page.screenshot({ path: out('compare.png') });
  await page.goto(`${base}#/personas`);
  await page.getByRole('heading', { name: 'Personas', level: 1 }).waitFor();
  await page.screenshot({ path: out('personas.png') });
} finally {
  await browser.close();
  await server.close();
}
console.log('Screenshots written to docs/screenshots/');
