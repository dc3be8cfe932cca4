import { jpegEncoder } from './jpeg-encoder';
import { zipSync } from 'fflate';
import { PICTURE_FONT } from '../canvas/visuals';
import { safeFileName } from '../domain/filename';
import type { JourneyParts } from '../domain/queries';
import type { LaneKind } from '../domain/types';
import { i18n } from '../i18n';
import { downloadBlob } from '../ui/download';
import { cardDetails } from './card-details';
import { writePdf, type PdfPage, type PdfText } from './pdf-writer';
import { canvasMeasure } from './png';
import { layoutSlides, SLIDE, type Slide, type SlideDeck, type SlideOptions } from './slide-layout';
import { slideToSvg } from './slide-svg';

const t = (key: string, opts?: Record<string, unknown>) => i18n.t(key, opts);

/** The deck of a journey with the page's messages and the browser's text widths. */
export function slideDeck(parts: JourneyParts, options: SlideOptions): SlideDeck {
  return layoutSlides(
    parts,
    options,
    {
      laneTitle: (kind: LaneKind, title?: string) => title?.trim() || t(`lane.${kind}`),
      details: (card, kind) => cardDetails(card, kind, parts.journey.state),
      scenarioLabel: t('editor.scenario'),
      slideNumber: (n, of) => t('slides.number', { n, of }),
      continued: t('slides.continued'),
      goals: t('slides.goals'),
      frustrations: t('slides.frustrations'),
    },
    canvasMeasure(PICTURE_FONT),
  );
}

export { slideToSvg };

/** A slide drawn on a canvas at `scale` (1: 1920x1080). */
async function slideCanvas(slide: Slide, scale: number): Promise<HTMLCanvasElement> {
  const url = URL.createObjectURL(new Blob([slideToSvg(slide)], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = SLIDE.width * scale;
    canvas.height = SLIDE.height * scale;
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height);
    return canvas;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const toBlob = (canvas: HTMLCanvasElement, type: string, quality?: number) =>
  new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), type, quality),
  );

const fileName = (parts: JourneyParts, ext: string) => safeFileName(parts.journey.title, ext);

export async function exportPptx(parts: JourneyParts, deck: SlideDeck): Promise<void> {
  const start = performance.now();
  // pptxgenjs is the largest part of the slides' code: loaded for PowerPoint only.
  const { slidesToPptx } = await import('./slides-pptx');
  const blob = await slidesToPptx(deck, { title: parts.journey.title, curveName: t('lane.emotions') });
  downloadBlob(blob, fileName(parts, '.pptx'));
  performance.measure('jc:export-pptx', { start, end: performance.now() });
}

/** Page sizes in points, landscape. */
export const PAGE_SIZES = { wide: [960, 540], a4: [842, 595], a3: [1191, 842] } as const;
export type PageSize = keyof typeof PAGE_SIZES;

/**
 * One slide per page: the slide's picture (drawn by the browser, so every script looks right) at
 * print resolution, with its text laid over it as text.
 */
export async function exportPdf(parts: JourneyParts, deck: SlideDeck, size: PageSize): Promise<void> {
  const start = performance.now();
  const [width, height] = PAGE_SIZES[size];
  const k = Math.min(width / SLIDE.width, height / SLIDE.height);
  const image = {
    x: (width - SLIDE.width * k) / 2,
    y: (height - SLIDE.height * k) / 2,
    w: SLIDE.width * k,
    h: SLIDE.height * k,
  };
  const measure = canvasMeasure(PICTURE_FONT);
  // 2400x1350 pictures (180 dpi on a 16:9 page, 14 pt text as sharp as print needs). Workers encode
  // the JPEGs while the page draws the next slides: encoding is most of the time.
  const scale = 1.25;
  const encoder = jpegEncoder();
  const page = async (slide: Slide): Promise<PdfPage> => {
    const canvas = await slideCanvas(slide, scale);
    const jpeg = await encoder.encode(canvas, 0.9);
    canvas.width = 0;
    const texts: PdfText[] = slide.shapes.flatMap((s) =>
      s.type !== 'text'
        ? []
        : s.lines.map((line, i) => {
            const w = measure(line, s.size, s.bold === true || i < (s.boldLines ?? 0));
            const x = s.align === 'center' ? s.x + (s.w - w) / 2 : s.align === 'right' ? s.x + s.w - w : s.x;
            return {
              text: line,
              x: image.x + x * k,
              y: image.y + (s.y + i * s.size * 1.2) * k,
              size: s.size * k,
              width: w * k,
            };
          }),
    );
    return {
      width,
      height,
      jpeg,
      imageWidth: SLIDE.width * scale,
      imageHeight: SLIDE.height * scale,
      image,
      texts,
    };
  };
  const pages = await inWindow(deck.slides, 4, page).finally(() => encoder.close());
  const bytes = writePdf(pages, parts.journey.title);
  downloadBlob(new Blob([bytes], { type: 'application/pdf' }), fileName(parts, '.pdf'));
  performance.measure('jc:export-pdf', { start, end: performance.now() });
}

/**
 * `work` over the items, at most `limit` at once, the results in order: a new item starts as soon
 * as one ends, so the page draws the next slide while earlier ones are being encoded.
 */
async function inWindow<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** Every slide as a PNG, in one zip. */
export async function exportPngZip(parts: JourneyParts, deck: SlideDeck): Promise<void> {
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  const digits = String(deck.slides.length).length;
  const pngs = await inWindow(deck.slides, 3, async (slide) => {
    const canvas = await slideCanvas(slide, 1);
    const png = new Uint8Array(await (await toBlob(canvas, 'image/png')).arrayBuffer());
    canvas.width = 0;
    return png;
  });
  pngs.forEach((png, i) => {
    // PNGs are compressed already: stored as they are.
    files[safeFileName(`${String(i + 1).padStart(digits, '0')} ${parts.journey.title}`, '.png')] = [png, { level: 0 }];
  });
  const zip = zipSync(files);
  downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName(parts, '.zip'));
}
