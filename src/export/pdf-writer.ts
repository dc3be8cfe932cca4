import { zlibSync } from 'fflate';
import { xmlSafe } from './xml-safe';

/** A line of text on a page, in page points from the top left; invisible, for search and copy. */
export interface PdfText {
  x: number;
  y: number;
  size: number;
  /** The width the line is drawn at, so a selection covers it. */
  width: number;
  text: string;
}

export interface PdfPage {
  /** Page size in points. */
  width: number;
  height: number;
  /** The page's picture (a JPEG), and where it goes on the page, in points. */
  jpeg: Uint8Array;
  imageWidth: number;
  imageHeight: number;
  image: { x: number; y: number; w: number; h: number };
  texts: PdfText[];
}

const enc = new TextEncoder();
const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');

/** A code point as UTF-16BE hex, for the font's ToUnicode map. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

const RTL_CHARS = '\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF';
const RTL_FIRST = new RegExp(`^[^\\p{L}]*[${RTL_CHARS}]`, 'u');
const RUNS = new RegExp(`[${RTL_CHARS}]+(?:\\s+[${RTL_CHARS}]+)*|[^${RTL_CHARS}]+`, 'gu');

/**
 * A line in the order its characters are drawn from left to right, as PDF text is written and
 * read back (readers put right-to-left runs back in reading order): in a line that starts right
 * to left, the runs go in reverse order and each right-to-left run is reversed.
 */
export function visualOrder(line: string): string {
  const runs = line.match(RUNS) ?? [];
  const rtl = (r: string) => new RegExp(`[${RTL_CHARS}]`, 'u').test(r);
  const flipped = runs.map((r) => (rtl(r) ? [...r].reverse().join('') : r));
  return RTL_FIRST.test(line) ? flipped.reverse().join('') : flipped.join('');
}

/**
 * A PDF of pictures with their text laid over them in invisible text (render mode 3), as a
 * scanned page with OCR is: every script looks as the browser drew it in the picture, and the
 * text is still text — searchable, selectable and copied as written. The text's font is not
 * embedded (it is never drawn); each character gets its own code, mapped back to Unicode, so
 * CJK, Arabic and emoji read back exactly.
 */
export function writePdf(pages: readonly PdfPage[], title: string): Uint8Array<ArrayBuffer> {
  // A control character or a lone surrogate has no place in a ToUnicode map or a text string.
  title = xmlSafe(title);
  pages = pages.map((p) => ({ ...p, texts: p.texts.map((t) => ({ ...t, text: xmlSafe(t.text) })) }));
  // One code per distinct character across the document.
  const codes = new Map<number, number>();
  for (const p of pages)
    for (const t of p.texts)
      for (const ch of t.text) if (!codes.has(ch.codePointAt(0)!)) codes.set(ch.codePointAt(0)!, codes.size + 1);
  if (codes.size > 0xfffe) throw new Error('too many distinct characters');

  const chunks: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array | string) => {
    const bytes = typeof b === 'string' ? enc.encode(b) : b;
    chunks.push(bytes);
    length += bytes.length;
  };
  const object = (id: number, body: string) => {
    offsets[id] = length;
    push(`${id} 0 obj\n${body}\nendobj\n`);
  };
  const stream = (id: number, dict: string, data: Uint8Array) => {
    offsets[id] = length;
    push(`${id} 0 obj\n<< ${dict} /Length ${data.length} >>\nstream\n`);
    push(data);
    push('\nendstream\nendobj\n');
  };

  push('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n');
  // 1 catalog, 2 pages, 3 font, 4 CID font, 5 ToUnicode, 6 descriptor, 7 info; then 3 per page.
  const pageIds = pages.map((_, i) => 8 + i * 3);
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`);
  object(
    3,
    '<< /Type /Font /Subtype /Type0 /BaseFont /NotoSans /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
  );
  object(
    4,
    '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NotoSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 500 /CIDToGIDMap /Identity >>',
  );
  const entries = [...codes.entries()];
  const blocks: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    blocks.push(
      `${part.length} beginbfchar\n${part.map(([cp, code]) => `<${hex4(code)}> <${utf16Hex(cp)}>`).join('\n')}\nendbfchar`,
    );
  }
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    ...blocks,
    'endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  stream(5, '/Filter /FlateDecode', zlibSync(enc.encode(cmap)));
  object(
    6,
    '<< /Type /FontDescriptor /FontName /NotoSans /Flags 32 /FontBBox [0 -250 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -250 /CapHeight 700 /StemV 80 >>',
  );
  const titleHex = `<FEFF${[...title].map((c) => utf16Hex(c.codePointAt(0)!)).join('')}>`;
  object(7, `<< /Title ${titleHex} /Producer (Journey Canvas) >>`);

  pages.forEach((p, i) => {
    const [pageId, contentId, imageId] = [pageIds[i]!, pageIds[i]! + 1, pageIds[i]! + 2];
    const f = (n: number) => (Math.round(n * 100) / 100).toString();
    const ops = [
      `q ${f(p.image.w)} 0 0 ${f(p.image.h)} ${f(p.image.x)} ${f(p.height - p.image.y - p.image.h)} cm /Im0 Do Q`,
    ];
    if (p.texts.length) {
      ops.push('BT 3 Tr');
      for (const t of p.texts) {
        const count = [...t.text].length;
        if (count === 0) continue;
        // Glyphs are half an em wide (DW 500): stretch the line to the width it is drawn at.
        const scale = (100 * t.width) / (count * 0.5 * t.size);
        const show = (text: string, x: number) => {
          const hex = [...text].map((c) => hex4(codes.get(c.codePointAt(0)!)!)).join('');
          ops.push(
            `/F0 ${f(t.size)} Tf ${f(scale)} Tz 1 0 0 1 ${f(x)} ${f(p.height - t.y - t.size * 0.8)} Tm <${hex}> Tj`,
          );
        };
        if (!RTL_FIRST.test(t.text)) {
          show(t.text, t.x);
          continue;
        }
        // Right to left: word by word in reading order, each placed from the right edge and
        // written in drawing order, so a reader gives the words back in the order they were typed.
        const cw = t.width / count;
        let before = 0;
        for (const word of t.text.match(/\S+|\s+/gu) ?? []) {
          const n = [...word].length;
          show(visualOrder(word), t.x + t.width - (before + n) * cw);
          before += n;
        }
      }
      ops.push('ET');
    }
    object(
      pageId,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${f(p.width)} ${f(p.height)}] /Resources << /Font << /F0 3 0 R >> /XObject << /Im0 ${imageId} 0 R >> >> /Contents ${contentId} 0 R >>`,
    );
    stream(contentId, '/Filter /FlateDecode', zlibSync(enc.encode(ops.join('\n'))));
    stream(
      imageId,
      `/Type /XObject /Subtype /Image /Width ${p.imageWidth} /Height ${p.imageHeight} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode`,
      p.jpeg,
    );
  });

  const count = 8 + pages.length * 3;
  const xref = length;
  const rows = ['xref', `0 ${count}`, '0000000000 65535 f '];
  for (let id = 1; id < count; id++) rows.push(`${String(offsets[id] ?? 0).padStart(10, '0')} 00000 n `);
  push(`${rows.join('\n')}\ntrailer\n<< /Size ${count} /Root 1 0 R /Info 7 0 R >>\nstartxref\n${xref}\n%%EOF\n`);

  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
