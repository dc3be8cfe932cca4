import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { appointmentWith } from '../helpers/examples';
import { strokesOfColour, type Stroke } from '../helpers/pdf-strokes';
import { openApp, withSharedBrowser } from './browser';

const browser = withSharedBrowser();

const TITLES = ['予約の変更をしたい', 'Pārbauda rēķinu', 'Menyemak status tempahan', '客服一直没有回复我的改期邮件'];
const LABEL = 'no reply in 2 h';
/** The appointment persona's colour: the colour of the emotion curve. */
const PERSONA_COLOUR = '#e4572e';

/** The appointment example with cards in Japanese, Latvian and Malay beside its own (a labelled connection). */
const journeyFile = () => Buffer.from(appointmentWith('Slides of an appointment', TITLES));

async function openSlides(page: Page) {
  await page
    .getByLabel('Import file')
    .setInputFiles({ name: 's.json', mimeType: 'application/json', buffer: journeyFile() });
  await page.getByRole('link', { name: 'Slides of an appointment' }).click();
  await page.getByRole('heading', { level: 1, name: 'Slides of an appointment' }).waitFor();
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'Slides…' }).click();
  return page.getByRole('dialog', { name: 'Slides' });
}

async function download(page: Page, dialog: ReturnType<Page['getByRole']>, button: string) {
  const dl = page.waitForEvent('download');
  await dialog.getByRole('button', { name: button, exact: true }).click();
  const d = await dl;
  return { name: d.suggestedFilename(), bytes: new Uint8Array(readFileSync(await d.path())) };
}

const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!);

async function pdfText(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdf = await getDocument({ data: bytes, isEvalSupported: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  return { pages: pdf.numPages, text: parts.join(' ').replace(/\s+/g, ' ') };
}

/** Every text shape of each slide of a PowerPoint file, its box in points. */
function textBoxesOf(files: Record<string, Uint8Array>) {
  const slideNumber = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
  return Object.keys(files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => slideNumber(a) - slideNumber(b))
    .map((n) =>
      [...strFromU8(files[n]!).matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].flatMap(([, sp]) => {
        const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(sp!);
        const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(sp!);
        if (!off || !ext || !sp!.includes('<a:t>')) return [];
        const [x, y, w, h] = [off[1], off[2], ext[1], ext[2]].map((v) => Number(v) / 12700) as [
          number,
          number,
          number,
          number,
        ];
        return [{ x, y, w, h }];
      }),
    );
}

/** The words a PDF draws outside every text box of its slide (text that overflowed its shape). */
async function textOutsideBoxes(pdfBytes: Uint8Array, boxes: ReturnType<typeof textBoxesOf>): Promise<string[]> {
  const pdf = await getDocument({ data: pdfBytes, isEvalSupported: false }).promise;
  const outside: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const height = page.view[3]!;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , c, d, x, y] = item.transform as number[];
      const size = Math.hypot(c!, d!);
      const [x0, x1, y0, y1] = [x!, x! + item.width, height - y! - size * 0.8, height - y! + size * 0.15];
      const fits = boxes[i - 1]!.some(
        (b) => x0 >= b.x - 1 && x1 <= b.x + b.w + 1 && y0 >= b.y - 1 && y1 <= b.y + b.h + 1,
      );
      if (!fits) outside.push(`slide ${i}: ${item.str}`);
    }
  }
  return outside;
}

describe('slides', () => {
  it('previews every slide, then writes an editable PowerPoint, a PDF with its text and a zip of PNGs', async () => {
    const { context, page } = await openApp(browser());
    const dialog = await openSlides(page);
    const status = dialog.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/^\d+ slides · Card text on the slides: 14 pt/);
    const count = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    expect(count).toBeGreaterThanOrEqual(3);
    await expect.poll(() => dialog.getByRole('img', { name: /^Slide \d+ of \d+$/ }).count()).toBe(count);

    // PowerPoint: a slide per preview, every card's title as text, the curve as a native chart.
    const pptx = await download(page, dialog, 'PowerPoint');
    expect(pptx.name).toBe('Slides-of-an-appointment.pptx');
    const files = unzipSync(pptx.bytes);
    const slideXml = Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slideXml).toHaveLength(count);
    const text = slideXml
      .map((n) => [...strFromU8(files[n]!).matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)).join(' '))
      .join(' ');
    const doc = JSON.parse(journeyFile().toString()) as { journeys: { cards: { title: string; laneId: string }[] }[] };
    for (const card of doc.journeys[0]!.cards) expect(text).toContain(card.title);
    expect(text).toContain(LABEL);
    expect(Object.keys(files).some((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))).toBe(true);

    // A real consumer opens it: LibreOffice Impress converts it, and its PDF holds the titles.
    const dir = mkdtempSync(join(tmpdir(), 'slides-'));
    writeFileSync(join(dir, 'deck.pptx'), pptx.bytes);
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'deck.pptx')], {
      timeout: 120_000,
      env: { ...process.env, HOME: dir },
    });
    const office = await pdfText(new Uint8Array(readFileSync(join(dir, 'deck.pdf'))));
    expect(office.pages).toBe(count);
    for (const title of TITLES) expect(office.text.replace(/\s/g, '')).toContain(title.replace(/\s/g, ''));
    // Impress fits every text to its shape (its fonts are not the browser's): nothing is drawn
    // outside its card, label or title.
    expect(await textOutsideBoxes(new Uint8Array(readFileSync(join(dir, 'deck.pdf'))), textBoxesOf(files))).toEqual([]);
    // Impress draws the emotion curve whole, the stretches beside its +2 and -2 points too: on
    // every page with points, the line runs from the first point to the last without a break.
    const curves = strokesOfColour(new Uint8Array(readFileSync(join(dir, 'deck.pdf'))), PERSONA_COLOUR);
    expect(curves.length).toBeGreaterThan(0);
    for (const strokes of curves) {
      const isPoint = (s: Stroke) => s.box.x1 - s.box.x0 < 14 && s.box.y1 - s.box.y0 < 14;
      const centres = strokes.filter(isPoint).map((s) => (s.box.x0 + s.box.x1) / 2);
      if (centres.length < 2) continue;
      const spans = strokes
        .filter((s) => !isPoint(s))
        .map((s) => [s.box.x0, s.box.x1] as const)
        .sort((a, b) => a[0] - b[0]);
      let reached = Math.min(...centres);
      for (const [from, to] of spans) if (from <= reached + 2) reached = Math.max(reached, to);
      expect(reached).toBeGreaterThanOrEqual(Math.max(...centres) - 8);
    }

    // The dialog stays open after an export, saying it is done, to export another format.
    await expect.poll(() => dialog.getByText(`Slides exported: ${count} slides`).isVisible()).toBe(true);

    // PDF: one page per slide, its text searchable.
    const pdf = await download(page, dialog, 'PDF');
    expect(pdf.name).toBe('Slides-of-an-appointment.pdf');
    const read = await pdfText(pdf.bytes);
    expect(read.pages).toBe(count);
    for (const title of TITLES) expect(read.text).toContain(title);
    expect(read.text).toContain(LABEL);

    // PNG images: one 1920x1080 picture per slide, in a zip.
    const zip = await download(page, dialog, 'PNG images');
    expect(zip.name).toBe('Slides-of-an-appointment.zip');
    const pngs = Object.entries(unzipSync(zip.bytes));
    expect(pngs).toHaveLength(count);
    for (const [, png] of pngs) {
      const view = new DataView(png.buffer, png.byteOffset);
      expect([view.getUint32(16), view.getUint32(20)]).toEqual([1920, 1080]);
    }
    await context.close();
  });

  it('hides chosen lanes, says which cards are left out, and keeps the choices for the next export', async () => {
    const { context, page } = await openApp(browser());
    let dialog = await openSlides(page);
    const status = dialog.getByRole('status');
    const before = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    await dialog.getByRole('group', { name: 'Hide these lanes' }).getByRole('checkbox', { name: 'Backstage' }).check();
    await dialog.getByRole('group', { name: 'Hide these lanes' }).getByRole('checkbox', { name: 'Metrics' }).check();
    await expect.poll(() => status.textContent()).toMatch(/cards? (is|are) on hidden lanes? and on no slide/);
    await dialog.getByLabel('Stages per slide').selectOption('4');
    await expect.poll(() => status.textContent()).toMatch(/under the 14 pt/);
    const after = Number((await status.textContent())!.match(/^(\d+)/)![1]);
    expect(after).toBeLessThan(before);
    const pdf = await download(page, dialog, 'PDF');
    expect((await pdfText(pdf.bytes)).pages).toBe(after);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Slides of an appointment' }).waitFor();
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Slides…' }).click();
    dialog = page.getByRole('dialog', { name: 'Slides' });
    await expect.poll(() => dialog.getByRole('status').textContent()).toMatch(new RegExp(`^${after} slides`));
    expect(await dialog.getByRole('checkbox', { name: 'Backstage' }).isChecked()).toBe(true);
    await context.close();
  });
});
