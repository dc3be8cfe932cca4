import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { baseUrl, journeyTitles, launchProcess, readDownload } from './browser';

/**
 * A real full disk: the browser profile lives on a small tmpfs (the tests run as root, as CI
 * does), which a filler file then fills up to the last byte.
 */
function smallDisk(megabytes: number) {
  const dir = mkdtempSync(join(tmpdir(), 'journey-canvas-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir]);
  const fillers: string[] = [];
  const available = () => execFileSync('df', ['--output=avail', dir]).toString().trim().split('\n').pop()!.trim();
  return {
    profile: join(dir, 'profile'),
    fill() {
      // The browser writes and deletes files of its own meanwhile: fill again, in smaller blocks,
      // until nothing is left.
      for (const bs of ['1M', '64k', '4k', '4k', '4k']) {
        const filler = join(dir, `filler-${fillers.length}`);
        fillers.push(filler);
        try {
          execFileSync('dd', ['if=/dev/zero', `of=${filler}`, `bs=${bs}`, `count=${megabytes * 1024}`], {
            stdio: 'ignore',
          });
        } catch {
          // dd stops with "No space left on device": that is the point.
        }
        if (available() === '0') return;
      }
      throw new Error(`the disk still has ${available()} KiB free`);
    },
    free: () => {
      for (const f of fillers) rmSync(f, { force: true });
    },
    remove() {
      try {
        execFileSync('umount', ['-l', dir]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function duplicate(page: Page, title: string) {
  await page.getByRole('button', { name: `Actions for ${title}`, exact: true }).click();
  await page.getByRole('menuitem', { name: 'Duplicate' }).click();
}

const FULL = /cannot save: the disk .* is full/;

describe('a full disk', () => {
  it('is named as such, never shows the demo instead of the work, offers a backup and saves once space returns', async () => {
    const disk = smallDisk(48);
    const chromium = await launchProcess(disk.profile);
    try {
      const page = await chromium.browser.contexts()[0]!.newPage();
      await page.goto(baseUrl() + '/');
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await page.getByRole('link', { name: 'Moving broadband — George' }).waitFor();
      disk.fill();

      for (let i = 0; i < 8; i++) await duplicate(page, 'Moving broadband — George');
      const alert = page.getByRole('alert', { name: FULL });
      await alert.waitFor({ timeout: 20_000 });
      expect(await page.getByRole('alert', { name: /newer version/ }).count()).toBe(0);

      // The backup holds the work that could not be saved.
      const downloading = page.waitForEvent('download');
      await alert.getByRole('button', { name: 'Download backup' }).click();
      const backup = JSON.parse(await readDownload(await downloading)) as { journeys: { title: string }[] };
      expect(backup.journeys.filter((j) => j.title === 'Moving broadband — George (copy)')).toHaveLength(8);

      // A reload on the full disk shows the same work, still unsaved and said so; never the demo alone.
      await page.reload();
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      await page.getByRole('alert', { name: FULL }).waitFor({ timeout: 20_000 });
      expect((await journeyTitles(page)).filter((t) => t === 'Moving broadband — George (copy)')).toHaveLength(8);
      expect(await page.getByRole('alert', { name: /does not let Journey Canvas store data/ }).count()).toBe(0);

      // Space comes back: saving resumes by itself and the message goes.
      disk.free();
      await expect.poll(() => page.getByRole('alert', { name: FULL }).count(), { timeout: 30_000 }).toBe(0);
      await page.reload();
      await page.getByRole('heading', { name: 'Journeys', level: 1 }).waitFor();
      const titles = await journeyTitles(page);
      expect(titles.filter((t) => t === 'Moving broadband — George (copy)')).toHaveLength(8);
      // Chromium empties a database it failed to write: what the tab held is written back, the
      // journeys that were only on disk included.
      expect(titles).toEqual(expect.arrayContaining(['Moving broadband — George', 'Moving broadband — Priya']));
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await chromium.kill();
      disk.remove();
    }
  });
});
