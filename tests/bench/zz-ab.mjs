import { chromium } from 'playwright-core';
import { preview } from 'vite';
const dirs = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const servers = [];
for (const dir of dirs) {
  const server = await preview({ root: process.cwd(), build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  servers.push([dir, server.resolvedUrls.local[0].replace(/\/$/, ''), server]);
}
const res = Object.fromEntries(dirs.map((d) => [d, { cold: [], warm: [] }]));
for (let i = 0; i < 7; i++)
  for (const [dir, base] of servers) {
    const ctx = await browser.newContext({ locale: 'en-US' });
    const page = await ctx.newPage();
    await page.goto(base + '/');
    const h = await page.waitForFunction(() => performance.getEntriesByName('jc:journeys-interactive').at(-1));
    res[dir].cold.push((await h.jsonValue()).startTime);
    await page.reload();
    const h2 = await page.waitForFunction(() => performance.getEntriesByName('jc:journeys-interactive').at(-1));
    res[dir].warm.push((await h2.jsonValue()).startTime);
    await ctx.close();
  }
for (const d of dirs) console.log(d, 'cold', median(res[d].cold).toFixed(0), 'warm', median(res[d].warm).toFixed(0));
await browser.close();
for (const [, , s] of servers) await s.close();
