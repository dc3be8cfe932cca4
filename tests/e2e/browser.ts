import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Download,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const baseUrl = () => inject('baseUrl');

/**
 * What broke the app's rules in any page of this test file: a Content-Security-Policy violation
 * (reported by the page's `securitypolicyviolation` event) or a request to a host other than the
 * loopback servers the tests start. Every context made by `launch`'s browser is watched, and
 * `withSharedBrowser` fails the file when this is not empty.
 */
export const policyBreaches: string[] = [];

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function watchPolicy(context: BrowserContext): Promise<void> {
  await context.exposeFunction('__journeyCanvasPolicy', (text: string) => policyBreaches.push(`CSP: ${text}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __journeyCanvasPolicy?: (t: string) => void }).__journeyCanvasPolicy;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (
      (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol.startsWith('ws')) &&
      !LOCAL_HOSTS.has(url.hostname)
    )
      policyBreaches.push(`request to another origin: ${url.origin}`);
  });
}

/** A browser with a fresh, in-memory profile; every context it makes is watched (`watchPolicy`). */
export async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options?: BrowserContextOptions) => {
    const context = await newContext(options);
    await watchPolicy(context);
    return context;
  };
  return browser;
}

/** One browser for the tests of a file; each test opens its own context (a fresh profile). */
export function withSharedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    if (policyBreaches.length) throw new Error(`The app broke its policy:\n${policyBreaches.join('\n')}`);
  });
  return () => {
    if (!browser) throw new Error('the browser is not started yet');
    return browser;
  };
}

export async function openApp(
  browser: Browser,
  path = '/',
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
    ...options,
  });
  const page = await context.newPage();
  await page.goto(baseUrl() + path);
  await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
  return { context, page };
}

export function tempProfile(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'journey-canvas-profile-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }) };
}

/**
 * Chromium started as its own process on a profile directory, driven over CDP, so a test can end
 * it with SIGKILL: no unload handler runs, exactly as in a crash.
 */
export async function launchProcess(
  profileDir: string,
): Promise<{ browser: Browser; proc: ChildProcess; kill: () => Promise<void> }> {
  const proc = spawn(
    CHROMIUM,
    [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${profileDir}`, 'about:blank'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
      // Its own process group, so the kill reaches the renderer and GPU processes too.
      detached: true,
    },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000);
    proc.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(wsUrl);
  const kill = async () => {
    const exited = new Promise((r) => proc.once('exit', r));
    process.kill(-proc.pid!, 'SIGKILL');
    await exited;
  };
  return { browser, proc, kill };
}

export async function readDownload(download: Download): Promise<string> {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

export async function journeyTitles(page: Page): Promise<string[]> {
  await page.locator('.journey-list').getByRole('link').first().waitFor();
  return page.locator('.journey-list').getByRole('link').allTextContents();
}

/** Renames a journey through its menu, as a user would. */
export async function renameJourney(page: Page, from: string, to: string): Promise<void> {
  await page.getByRole('button', { name: `Actions for ${from}` }).click();
  await page.getByRole('menuitem', { name: 'Rename' }).click();
  const dialog = page.getByRole('dialog', { name: 'Rename journey' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(to);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: to, exact: true }).waitFor();
}

type Box = { x: number; y: number; width: number; height: number };

/**
 * Where an element is once the map has stopped moving (framed anew, or panned to a selected card):
 * a position read while it moves is where the element no longer is when the mouse gets there.
 */
export async function settledBox(target: Locator): Promise<Box> {
  const frames = () =>
    target
      .page()
      .evaluate(
        () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 30)))),
      );
  let last = await target.boundingBox();
  for (let i = 0; i < 100; i++) {
    await frames();
    const now = await target.boundingBox();
    if (now && last && now.x === last.x && now.y === last.y && now.width === last.width && now.height === last.height)
      return now;
    last = now;
  }
  throw new Error('the element did not hold still');
}

/** Creates a journey from the Journeys screen with `New journey` and waits for its editor. */
export async function createJourney(page: Page, title: string): Promise<Locator> {
  await page.getByRole('button', { name: 'New journey' }).click();
  const dialog = page.getByRole('dialog', { name: 'New journey' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
  await dialog.getByRole('button', { name: 'Create' }).click();
  const heading = page.getByRole('heading', { level: 1, name: title });
  await heading.waitFor();
  return heading;
}
