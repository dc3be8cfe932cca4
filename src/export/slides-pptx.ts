import PptxGenJS from 'pptxgenjs';
import { SLIDE, type Shape, type SlideCurve, type SlideDeck } from './slide-layout';
import { xmlSafe } from './xml-safe';
import { SCORE_RANGE } from '../domain/types';

/** 1920 px across a 13.333 in slide. */
const inch = (px: number) => px / 144;
const pt = (px: number) => px / SLIDE.pxPerPt;
const hex = (c: string) => c.replace('#', '').toUpperCase();
const FONT = 'Noto Sans';
const RTL = /^[^\p{L}]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

type PptxSlide = ReturnType<PptxGenJS['addSlide']>;
type TextShape = Extract<Shape, { type: 'text' }>;
type RectShape = Extract<Shape, { type: 'rect' }>;

function textOptions(t: TextShape) {
  return {
    fontFace: FONT,
    fontSize: pt(t.size),
    bold: t.bold === true,
    color: hex(t.color),
    align: t.align ?? (RTL.test(t.lines[0] ?? '') ? 'right' : 'left'),
    rtlMode: RTL.test(t.lines[0] ?? ''),
    valign: 'top' as const,
    lineSpacing: pt(t.size) * 1.2,
    fit: 'shrink' as const,
    wrap: true,
  };
}

/** A card (its box and its text) becomes one shape holding its text, as a person would draw it. */
function addBoxedText(pptx: PptxGenJS, slide: PptxSlide, box: RectShape, t: TextShape): void {
  const paragraphs = t.paragraphs ?? t.lines;
  const boldCount = t.paragraphs ? 1 : (t.boldLines ?? 0);
  const runs = paragraphs.map((text, i) => ({
    text: xmlSafe(text),
    options: { bold: i < boldCount, breakLine: i < paragraphs.length - 1 },
  }));
  slide.addText(t.boldLines ? runs : xmlSafe(paragraphs.join('\n')), {
    ...textOptions(t),
    shape: box.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect,
    rectRadius: box.radius ? inch(box.radius) : undefined,
    x: inch(box.x),
    y: inch(box.y),
    w: inch(box.w),
    h: inch(box.h),
    // No inset at the bottom: the padding there is the slack a wider font's lines may take before
    // Impress or PowerPoint shrinks the text (the text sits at the top).
    margin: [pt(t.x - box.x), pt(box.x + box.w - t.x - t.w), 0, pt(t.y - box.y)],
    fill: { color: hex(box.fill) },
    line: box.stroke ? { color: hex(box.stroke), width: 0.75 } : undefined,
  });
}

function addShape(pptx: PptxGenJS, slide: PptxSlide, s: Shape): void {
  switch (s.type) {
    case 'rect':
      slide.addShape(s.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect, {
        x: inch(s.x),
        y: inch(s.y),
        w: inch(s.w),
        h: inch(s.h),
        rectRadius: s.radius ? inch(s.radius) : undefined,
        fill: { color: hex(s.fill) },
        line: s.stroke ? { color: hex(s.stroke), width: 0.75 } : { type: 'none' },
      });
      return;
    case 'dot':
      slide.addShape(pptx.ShapeType.ellipse, {
        x: inch(s.x - s.r),
        y: inch(s.y - s.r),
        w: inch(2 * s.r),
        h: inch(2 * s.r),
        fill: { color: hex(s.fill) },
        line: { type: 'none' },
      });
      return;
    case 'line':
      addLine(pptx, slide, s.x1, s.y1, s.x2, s.y2, s.color, s.width, s.dash);
      return;
    case 'path':
      addRoute(slide, s);
      return;
    case 'image':
      slide.addImage({ data: s.href, x: inch(s.x), y: inch(s.y), w: inch(s.w), h: inch(s.h), rounding: true });
      return;
    case 'text':
      slide.addText(xmlSafe(s.lines.join('\n')), {
        ...textOptions(s),
        x: inch(s.x),
        y: inch(s.y),
        w: inch(s.w),
        h: inch(Math.max(s.h, s.lines.length * s.size * 1.2)),
        margin: 0,
      });
  }
}

function addLine(
  pptx: PptxGenJS,
  slide: PptxSlide,
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  color: string,
  width: number,
  dash?: boolean,
): void {
  slide.addShape(pptx.ShapeType.line, {
    x: inch(Math.min(x1, x2)),
    y: inch(Math.min(y1, y2)),
    w: inch(Math.abs(x2 - x1)),
    h: inch(Math.abs(y2 - y1)),
    flipH: x2 < x1,
    flipV: y2 < y1,
    line: {
      color: hex(color),
      width: pt(width),
      dashType: dash ? 'dash' : 'solid',
    },
  });
}

/**
 * A connection as one curve shape along the map's route (a custom geometry: a cubic Bézier with
 * an arrow at its end), so it can be restyled and still reads as one line.
 */
function addRoute(slide: PptxSlide, s: Extract<Shape, { type: 'path' }>): void {
  const { start, c1, c2, end } = s.route;
  const xs = [start.x, c1.x, c2.x, end.x];
  const ys = [start.y, c1.y, c2.y, end.y];
  const x0 = Math.min(...xs);
  const y0 = Math.min(...ys);
  // A straight vertical or horizontal route still gets a box a pixel wide.
  const w = Math.max(1, Math.max(...xs) - x0);
  const h = Math.max(1, Math.max(...ys) - y0);
  const at = (p: { x: number; y: number }) => ({ x: inch(p.x - x0), y: inch(p.y - y0) });
  // pptxgenjs draws `points` for 'custGeom', a name its types leave out.
  slide.addShape('custGeom' as PptxGenJS.SHAPE_NAME, {
    x: inch(x0),
    y: inch(y0),
    w: inch(w),
    h: inch(h),
    points: [
      at(start),
      {
        ...at(end),
        curve: { type: 'cubic', x1: inch(c1.x - x0), y1: inch(c1.y - y0), x2: inch(c2.x - x0), y2: inch(c2.y - y0) },
      },
    ],
    fill: { type: 'none' },
    line: { color: hex(s.color), width: pt(s.width), dashType: s.dash ? 'dash' : 'solid', endArrowType: 'triangle' },
  });
}

/**
 * The emotion curve as a native chart (an XY chart over the Emotions lane, its x the place across
 * the slide's stages and its y the score), so it can be restyled in PowerPoint; the stretch from
 * the slide before and to the slide after are line shapes at the edges.
 */
function addCurve(pptx: PptxGenJS, slide: PptxSlide, curve: SlideCurve, name: string): void {
  // The axis reaches a score past the range on both sides: LibreOffice Impress clips a smoothed
  // line at the plot's edge, and a point at +2 or -2 sitting on the edge lost the line next to it.
  const step = curve.box.h / (2 * SCORE_RANGE.max);
  const room = 1;
  if (curve.points.length > 0)
    slide.addChart(
      pptx.ChartType.scatter,
      [
        { name: 'x', values: curve.at },
        { name: xmlSafe(name), values: curve.scores },
      ],
      {
        x: inch(curve.box.x),
        y: inch(curve.box.y - room * step),
        w: inch(curve.box.w),
        h: inch(curve.box.h + 2 * room * step),
        layout: { x: 0, y: 0, w: 1, h: 1 },
        catAxisMinVal: 0,
        catAxisMaxVal: curve.stages,
        valAxisMinVal: SCORE_RANGE.min - room,
        valAxisMaxVal: SCORE_RANGE.max + room,
        catAxisHidden: true,
        valAxisHidden: true,
        catGridLine: { style: 'none' },
        valGridLine: { style: 'none' },
        showLegend: false,
        chartColors: [hex(curve.color)],
        lineSize: 4,
        lineDataSymbol: 'circle',
        lineDataSymbolSize: 10,
        lineSmooth: true,
        plotArea: { fill: { color: 'FFFFFF', transparency: 100 } },
        chartArea: { fill: { color: 'FFFFFF', transparency: 100 } },
      },
    );
  const first = curve.points[0];
  const last = curve.points.at(-1);
  if (curve.enter && first) addLine(pptx, slide, curve.enter.x, curve.enter.y, first.x, first.y, curve.color, 4);
  if (curve.exit && last) addLine(pptx, slide, last.x, last.y, curve.exit.x, curve.exit.y, curve.color, 4);
}

/** The deck as an editable PowerPoint file: every card, lane and stage a shape with its text. */
export async function slidesToPptx(deck: SlideDeck, meta: { title: string; curveName: string }): Promise<Blob> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  // pptxgenjs escapes markup but writes control characters as they are: the file would not open.
  pptx.title = xmlSafe(meta.title);
  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    slide.background = { color: 'FFFFFF' };
    const curveDots = new Set(s.curve?.points.map((p) => `${p.x},${p.y}`));
    for (let i = 0; i < s.shapes.length; i++) {
      const shape = s.shapes[i]!;
      const next = s.shapes[i + 1];
      // The chart draws the curve's points.
      if (shape.type === 'dot' && curveDots.has(`${shape.x},${shape.y}`)) continue;
      if (shape.type === 'rect' && next?.type === 'text' && (next.role === 'card' || next.role === 'label')) {
        addBoxedText(pptx, slide, shape, next);
        i += 1;
        continue;
      }
      addShape(pptx, slide, shape);
    }
    if (s.curve) addCurve(pptx, slide, s.curve, meta.curveName);
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
