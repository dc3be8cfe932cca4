/**
 * One figure of `npm run bench` alone (`--only <name>`), for a machine others are using: it prints
 * the figure and its baseline, and rewrites only its rows of BENCHMARKS.md (the others, and how
 * each is taken, stay as the last full run wrote them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { benchJoin } from './join.mjs';
import { startServerProcess } from './live.mjs';

const FIGURES = {
  /** Joining a live journey against opening it here; the live server serves the app too. */
  join: async ({ browser, root, ...rest }) => {
    const server = await startServerProcess(root);
    try {
      await benchJoin({ browser, url: server.url, ...rest });
    } finally {
      await server.stop();
    }
  },
};

export async function benchOnly({ only, root, args, median, ms, ratio, runs }) {
  const figure = FIGURES[only];
  if (!figure) throw new Error(`--only takes one of: ${Object.keys(FIGURES).join(', ')}`);
  const results = [];
  const record = (name, value, baseline, target, note = '') => {
    results.push({ name, value, baseline, target });
    console.log(
      `${name}: ${value}${baseline ? `   baseline ${baseline}` : ''}   target ${target}${note ? `   (${note})` : ''}`,
    );
  };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args });
  try {
    await figure({ browser, root, record, median, ms, ratio, runs });
  } finally {
    await browser.close();
  }
  const file = join(root, 'BENCHMARKS.md');
  const lines = readFileSync(file, 'utf8').split('\n');
  let after = lines.findLastIndex((l) => l.startsWith('| '));
  for (const r of results) {
    const row = `| ${r.name} | ${r.value} | ${r.baseline || '–'} | ${r.target} |`;
    const at = lines.findIndex((l) => l.startsWith(`| ${r.name} |`));
    if (at >= 0) lines[at] = row;
    // A figure new to the table goes after the one recorded before it.
    else lines.splice(after + 1, 0, row);
    after = at >= 0 ? at : after + 1;
  }
  writeFileSync(file, lines.join('\n'));
  console.log(`\nRewrote ${results.length} row(s) of BENCHMARKS.md`);
}
