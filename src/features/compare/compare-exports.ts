import type { StageScores } from '../../domain/compare';
import { formatGap, formatScore } from '../../domain/compare-summary';
import { PICTURE_FONT } from '../../canvas/visuals';
import { downloadBlob } from '../../ui/download';
import { escapeXml } from '../../export/svg';

export interface CompareDeck {
  title: string;
  verdict: string;
  names: string[];
  colors: string[];
  scores: StageScores[];
  words: { stage: string; gap: string; chartName: string };
}

/**
 * The curves chart as a standalone SVG: the chart drawn on screen (every colour and size is an
 * attribute on it, none from the page's CSS), on white, with the legend under it.
 */
export function compareSvg(chart: SVGSVGElement, deck: Pick<CompareDeck, 'names' | 'colors' | 'title'>): string {
  const [, , w, h] = (chart.getAttribute('viewBox') ?? '0 0 800 300').split(/\s+/).map(Number) as number[];
  const legendH = 28 * deck.names.length + 16;
  const clone = chart.cloneNode(true) as SVGSVGElement;
  const inner = clone.innerHTML;
  const legend = deck.names
    .map(
      (name, i) =>
        `<rect x="24" y="${h! + 12 + i * 28}" width="18" height="18" rx="3" fill="${deck.colors[i]}"/><text x="50" y="${h! + 26 + i * 28}" font-size="14" fill="#1d2433">${escapeXml(name)}</text>`,
    )
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h! + legendH}" viewBox="0 0 ${w} ${h! + legendH}" font-family="${escapeXml(PICTURE_FONT)}"><title>${escapeXml(deck.title)}</title><rect width="${w}" height="${h! + legendH}" fill="#ffffff"/>${inner}${legend}</svg>`;
}

export function exportCompareSvg(chart: SVGSVGElement, deck: CompareDeck, fileName: string): void {
  downloadBlob(new Blob([compareSvg(chart, deck)], { type: 'image/svg+xml' }), fileName);
}

const hex = (c: string) => c.replace('#', '').toUpperCase();

/**
 * One 16:9 slide: the verdict, the curves as a native line chart (a stage a journey does not
 * have, or has no emotion in, is a gap, never a made-up value) and the per-stage table as a
 * native table, both editable in PowerPoint.
 */
export async function exportComparePptx(deck: CompareDeck, fileName: string): Promise<void> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  const slide = pptx.addSlide();
  slide.addText(deck.title, { x: 0.4, y: 0.25, w: 12.5, h: 0.6, fontSize: 28, bold: true, color: '1D2433' });
  slide.addText(deck.verdict, { x: 0.4, y: 0.85, w: 12.5, h: 0.5, fontSize: 16, color: '3B4456' });
  const labels = deck.scores.map((s) => s.name);
  slide.addChart(
    pptx.ChartType.line,
    deck.names.map((name, i) => ({
      name,
      labels,
      values: deck.scores.map((s) => s.averages[i] ?? null) as number[],
    })),
    {
      x: 0.4,
      y: 1.4,
      w: 7.4,
      h: 5.7,
      chartColors: deck.colors.map(hex),
      lineSize: 3,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 8,
      displayBlanksAs: 'gap',
      valAxisMinVal: -2,
      valAxisMaxVal: 2,
      valAxisMajorUnit: 1,
      showLegend: true,
      legendPos: 'b',
      legendFontSize: 12,
      catAxisLabelFontSize: 11,
      valAxisLabelFontSize: 11,
      showTitle: true,
      title: deck.words.chartName,
      titleFontSize: 14,
    },
  );
  const header = [deck.words.stage, ...deck.names, deck.words.gap].map((text) => ({
    text,
    options: { bold: true, fill: { color: 'EEF1F6' } },
  }));
  const rows = deck.scores.map((s) => [
    { text: s.name },
    ...s.averages.map((a) => ({ text: formatScore(a) })),
    { text: formatGap(s.gap) },
  ]);
  slide.addTable([header, ...rows], {
    x: 8.0,
    y: 1.4,
    w: 4.9,
    fontSize: 12,
    color: '1D2433',
    border: { type: 'solid', pt: 0.5, color: 'CFD5DF' },
    autoPage: false,
  });
  const blob = (await pptx.write({ outputType: 'blob' })) as Blob;
  downloadBlob(blob, fileName);
}
