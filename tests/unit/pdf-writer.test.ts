import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { writePdf, type PdfPage } from '../../src/export/pdf-writer';

// The smallest JPEG a reader accepts: the text layer is what is checked here.
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);

const page = (texts: string[]): PdfPage => ({
  width: 960,
  height: 540,
  jpeg: new Uint8Array(JPEG),
  imageWidth: 1,
  imageHeight: 1,
  image: { x: 0, y: 0, w: 960, h: 540 },
  texts: texts.map((text, i) => ({ x: 20, y: 20 + i * 30, size: 14, width: 200, text })),
});

async function read(bytes: Uint8Array) {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await pdf.getMetadata();
  return { pages, title: (meta.info as { Title?: string }).Title };
}

describe('the PDF of slides', () => {
  it('has one page per slide, and its text reads back as written in every script', async () => {
    const lines = [
      '注文した商品が届かない',
      'Klients gaida piegādi ilgāk nekā solīts',
      'Pelanggan menunggu penghantaran',
      'العميل ينتظر التوصيل',
      'Waiting 😤 for the parcel',
    ];
    const bytes = writePdf([page(lines.slice(0, 3)), page(lines.slice(3))], 'Ilgā piegāde — 配送');
    const { pages, title } = await read(bytes);
    expect(pages).toHaveLength(2);
    for (const l of lines.slice(0, 3)) expect(pages[0]).toContain(l);
    expect(pages[1]).toContain(lines[4]);
    // Right-to-left words come back in reading order; pdf.js joins them without their spaces.
    expect(pages[1]!.replace(/\s/g, '')).toContain(lines[3]!.replace(/\s/g, ''));
    expect(title).toBe('Ilgā piegāde — 配送');
  });

  it('writes a page without text too', async () => {
    const { pages } = await read(writePdf([page([])], 'Empty'));
    expect(pages).toEqual(['']);
  });

  it('drops control characters and lone surrogates pasted into the text and the title', async () => {
    const bytes = writePdf([page(['Delivery\u0001 late\u000B\uD800', 'ok\uFFFF'])], 'Order\u0002\uDC00 #1');
    const { pages, title } = await read(bytes);
    expect(pages[0]).toContain('Delivery late');
    for (const c of ['\u0001', '\u000B', '\uFFFF', '\uD800']) expect(pages[0]).not.toContain(c);
    expect(title).toBe('Order #1');
  });
});
