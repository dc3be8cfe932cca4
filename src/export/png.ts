import type { Measure, SvgPicture } from './svg';

/** Chrome's canvas limits: 32,767 px a side and 268 million pixels. */
export const CANVAS_MAX_SIDE = 32_767;
export const CANVAS_MAX_AREA = 268_435_456;

/** The largest scale, up to the one asked for, at which the picture fits a canvas. */
export function fitScale(width: number, height: number, scale: number): { scale: number; reduced: boolean } {
  const bySide = Math.min(CANVAS_MAX_SIDE / width, CANVAS_MAX_SIDE / height);
  const byArea = Math.sqrt(CANVAS_MAX_AREA / (width * height));
  const max = Math.floor(Math.min(bySide, byArea) * 100) / 100;
  return scale <= max ? { scale, reduced: false } : { scale: max, reduced: true };
}

/** Text widths as the browser will draw them, for wrapping titles in the picture. */
export function canvasMeasure(fontFamily: string): Measure {
  const ctx = document.createElement('canvas').getContext('2d')!;
  const cache = new Map<string, number>();
  return (text, size, bold) => {
    const key = `${size}|${bold ? 1 : 0}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      ctx.font = `${bold ? 700 : 400} ${size}px ${fontFamily}`;
      w = ctx.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}

export class ExportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ExportCancelled';
  }
}

/** Rasterises the SVG at `scale` on a canvas (the SVG draws its own background, if any). */
export async function svgToPng(picture: SvgPicture, scale: number, signal?: AbortSignal): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    if (signal?.aborted) throw new ExportCancelled();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(picture.width * scale);
    canvas.height = Math.round(picture.height * scale);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    if (signal?.aborted) throw new ExportCancelled();
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
