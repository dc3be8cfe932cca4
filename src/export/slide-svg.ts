import { smoothPath } from '../domain/emotion-curve';
import { PICTURE_FONT } from '../canvas/visuals';
import { SLIDE, type Shape, type Slide } from './slide-layout';
import { escapeXml } from './svg';

const f = (n: number) => Math.round(n * 10) / 10;
const arrowId = (colour: string) => `arrow-${colour.replace(/[^0-9a-z]/gi, '')}`;

/** Whether a line reads right to left (its first letter is Hebrew or Arabic). */
const RTL = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

function shapeSvg(s: Shape): string {
  switch (s.type) {
    case 'image': {
      const id = `clip-${f(s.x)}-${f(s.y)}`.replace(/\./g, '_');
      return `<clipPath id="${id}"><circle cx="${f(s.x + s.w / 2)}" cy="${f(s.y + s.h / 2)}" r="${f(s.w / 2)}"/></clipPath><image href="${escapeXml(s.href)}" x="${f(s.x)}" y="${f(s.y)}" width="${f(s.w)}" height="${f(s.h)}" clip-path="url(#${id})" preserveAspectRatio="xMidYMid slice"/>`;
    }
    case 'rect':
      return `<rect x="${f(s.x)}" y="${f(s.y)}" width="${f(s.w)}" height="${f(s.h)}" rx="${s.radius ?? 0}" fill="${s.fill}"${s.stroke ? ` stroke="${s.stroke}"` : ''}/>`;
    case 'dot':
      return `<circle cx="${f(s.x)}" cy="${f(s.y)}" r="${s.r}" fill="${s.fill}"/>`;
    case 'line':
      return `<line x1="${f(s.x1)}" y1="${f(s.y1)}" x2="${f(s.x2)}" y2="${f(s.y2)}" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ' stroke-dasharray="10 7"' : ''}/>`;
    case 'path':
      return `<path class="connection" d="${s.route.d}" fill="none" stroke="${s.color}" stroke-width="${s.width}"${s.dash ? ' stroke-dasharray="10 7"' : ''} marker-end="url(#${arrowId(s.color)})"/>`;
    case 'text': {
      const lh = s.size * 1.2;
      return s.lines
        .map((line, i) => {
          const rtl = RTL.test(line);
          const align = s.align ?? (rtl ? 'right' : 'left');
          const x = align === 'center' ? s.x + s.w / 2 : align === 'right' ? s.x + s.w : s.x;
          const anchor = align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start';
          return `<text x="${f(x)}" y="${f(s.y + s.size * 0.95 + i * lh)}" font-size="${f(s.size)}"${s.bold || i < (s.boldLines ?? 0) ? ' font-weight="700"' : ''} fill="${s.color}" text-anchor="${anchor}"${rtl ? ' direction="rtl"' : ''}>${escapeXml(line)}</text>`;
        })
        .join('');
    }
  }
}

/** One slide as an SVG of 1920x1080 (the preview, and the picture of a PNG or PDF page). */
export function slideToSvg(slide: Slide, background: string | null = '#ffffff'): string {
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${SLIDE.width}" height="${SLIDE.height}" viewBox="0 0 ${SLIDE.width} ${SLIDE.height}" font-family="${escapeXml(PICTURE_FONT)}">`,
  ];
  // An arrowhead in each connection colour, so a dashed red line does not end in a grey arrow.
  const colours = new Set(slide.shapes.flatMap((s) => (s.type === 'path' ? [s.color] : [])));
  out.push(
    `<defs>${[...colours]
      .map(
        (c) =>
          `<marker id="${arrowId(c)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`,
      )
      .join('')}</defs>`,
  );
  if (background) out.push(`<rect width="${SLIDE.width}" height="${SLIDE.height}" fill="${background}"/>`);
  const curve = slide.curve;
  for (const s of slide.shapes) {
    // The curve goes under its points and their labels: right after the lanes' lines are drawn.
    if (curve && s.type === 'dot' && curve.points.some((p) => p.x === s.x && p.y === s.y)) break;
    out.push(shapeSvg(s));
  }
  if (curve) {
    const all = [curve.enter, ...curve.points, curve.exit].filter((p): p is { x: number; y: number } => !!p);
    if (all.length > 1)
      out.push(
        `<path class="emotion-curve" d="${smoothPath(all)}" fill="none" stroke="${curve.color}" stroke-width="5" stroke-linecap="round" opacity="0.85"/>`,
      );
    let drawing = false;
    for (const s of slide.shapes) {
      if (!drawing && s.type === 'dot' && curve.points.some((p) => p.x === s.x && p.y === s.y)) drawing = true;
      if (drawing) out.push(shapeSvg(s));
    }
  }
  out.push('</svg>');
  return out.join('');
}
