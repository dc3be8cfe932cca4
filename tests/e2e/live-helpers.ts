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
