import type { Page } from 'playwright-core';
import jsQR from 'jsqr';
import { expect } from 'vitest';

export const JOURNEY = 'Moving broadband — Priya';

export async function startSharing(page: Page): Promise<{ edit: string; view: string }> {
  await page.getByRole('link', { name: JOURNEY }).click();
  await page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
  await page.getByRole('button', { name: 'Share live' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share live' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Fatima (facilitator)');
  await dialog.getByRole('button', { name: 'Start live session' }).click();
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const view = await dialog.getByRole('textbox', { name: 'View link' }).inputValue();
  // The QR code is the edit link, for phones.
  const qr = dialog.getByRole('img', { name: /QR code of the edit link/ });
  await qr.waitFor();
  await expect.poll(() => qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  const pixels = await qr.evaluate((img: HTMLImageElement) => {
    const c = document.createElement('canvas');
    c.width = img.naturalWidth;
    c.height = img.naturalHeight;
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    return { data: [...g.getImageData(0, 0, c.width, c.height).data], width: c.width, height: c.height };
  });
  expect(jsQR(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data).toBe(edit);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return { edit, view };
}

export async function joinBy(page: Page, link: string, name: string) {
  await page.goto(link);
  const dialog = page.getByRole('dialog', { name: 'Join live session' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { level: 1, name: JOURNEY }).waitFor();
}

export const card = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

export async function renameCard(page: Page, from: string, to: string) {
  await card(page, from).click();
  const title = page.getByRole('region', { name: 'Card details' }).getByRole('textbox', { name: 'Title' });
  await title.fill(to);
  await page.keyboard.press('Escape');
}

/**
 * The stages a screen shows: those whose header is at least half in view right of the lane titles,
 * and not behind Present's veil, left to right (by their `Stage <name>` group).
 */
export async function stagesShown(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const veils = [...document.querySelectorAll('.present-veil')].map((el) => el.getBoundingClientRect());
    const veiled = (r: DOMRect) =>
      veils.some((v) => v.left <= r.left + r.width / 2 && r.left + r.width / 2 <= v.right && v.width > 0);
    const canvas = document.querySelector('.react-flow')!.getBoundingClientRect();
    const rail = document.querySelector('.lane-rail .lane-header')?.getBoundingClientRect();
    const left = Math.max(canvas.left, rail ? rail.right : canvas.left);
    return [...document.querySelectorAll<HTMLElement>('[role="group"][aria-label^="Stage "]')]
      .map((el) => ({ name: el.getAttribute('aria-label')!.slice('Stage '.length), r: el.getBoundingClientRect() }))
      .filter(({ r }) => Math.min(r.right, canvas.right) - Math.max(r.left, left) >= r.width / 2 && !veiled(r))
      .sort((a, b) => a.r.left - b.r.left)
      .map(({ name }) => name);
  });
}

/** How tall a card's title is drawn on the screen, in px (its font size times the map's zoom). */
export async function titlePx(page: Page, cardName: string): Promise<number> {
  const zoom = await page
    .locator('.react-flow__viewport')
    .evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
  const size = await card(page, cardName)
    .locator('.card__title')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  return size * zoom;
}
