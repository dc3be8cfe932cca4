import { strFromU8, unzlibSync } from 'fflate';

export interface Stroke {
  /** Every point the path passes through (curve end points, not control points), in page points. */
  points: [number, number][];
  box: { x0: number; y0: number; x1: number; y1: number };
}

/**
 * The stroked paths of one colour in each content stream of a PDF (as LibreOffice writes them:
 * flate-compressed, `r g b RG`, `m` / `l` / `c`, then `S`), one list per stream.
 */
export function strokesOfColour(pdf: Uint8Array, hex: string): Stroke[][] {
  const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const text = Buffer.from(pdf).toString('latin1');
  const out: Stroke[][] = [];
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index + m[0].length;
    let ops: string;
    try {
      ops = strFromU8(unzlibSync(pdf.subarray(start, text.indexOf('endstream', start))), true);
    } catch {
      continue; // an image, a font: not drawing
    }
    const strokes: Stroke[] = [];
    let colour: number[] = [];
    let path: [number, number][] = [];
    let numbers: number[] = [];
    for (const token of ops.split(/\s+/)) {
      if (/^-?\d*\.?\d+$/.test(token)) {
        numbers.push(Number(token));
        continue;
      }
      const [x, y] = numbers.slice(-2) as [number, number];
      if (token === 'RG') colour = numbers.slice(-3);
      else if (token === 'm' || token === 'l' || token === 'c') path.push([x, y]);
      else if (token === 'S' || token === 's') {
        if (path.length && colour.length === 3 && colour.every((v, i) => Math.abs(v - want[i]!) < 0.01)) {
          const xs = path.map((p) => p[0]);
          const ys = path.map((p) => p[1]);
          strokes.push({
            points: path,
            box: { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) },
          });
        }
        path = [];
      } else if (['n', 'f', 'f*', 'F', 'B', 'B*', 'b', 'b*', 're', 'W', 'W*'].includes(token)) path = [];
      numbers = [];
    }
    if (strokes.length) out.push(strokes);
  }
  return out;
}
