import type { PanelTable, TableCell } from '../domain/compare-tables';
import type { StageScores } from '../domain/compare';
import { HEAD_FILL, INK, LINE, TONE_FILL, TONE_INK } from './compare-picture';

export interface CompareDeckData {
  title: string;
  verdict: string;
  names: string[];
  colors: string[];
  scores: StageScores[];
  /** The averages table first, then every panel's. */
  tables: PanelTable[];
  chartName: string;
}

const hex = (c: string) => c.replace('#', '').toUpperCase();
const FONT = 'Noto Sans';
const X = 0.4;
const W = 12.53;

type Pptx = InstanceType<typeof import('pptxgenjs').default>;
type PptxSlide = ReturnType<Pptx['addSlide']>;

function heading(slide: PptxSlide, title: string, sub?: string): void {
  slide.addText(title, { x: X, y: 0.25, w: W, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: hex(INK) });
  if (sub)
    slide.addText(sub, { x: X, y: 0.85, w: W, h: 0.5, fontFace: FONT, fontSize: 15, color: '3B4456', valign: 'top' });
}

const tableCell = (cell: TableCell, header = false) => ({
  text: cell.text,
  options: {
    bold: header,
    fill: { color: hex(header ? HEAD_FILL : ((cell.tone && TONE_FILL[cell.tone]) ?? '#FFFFFF')) },
    color: hex((cell.tone && TONE_INK[cell.tone]) ?? INK),
  },
});

/** A panel as a native table (continued on further slides when long), its notes above it. */
function addTable(slide: PptxSlide, table: PanelTable, box: { x: number; y: number; w: number }): void {
  const noteH = table.notes.length ? 0.4 * table.notes.length + 0.1 : 0;
  if (noteH)
    slide.addText(table.notes.join('\n'), {
      ...box,
      h: noteH,
      fontFace: FONT,
      fontSize: 12,
      color: '5A6478',
      valign: 'top',
    });
  if (!table.rows.length) return;
  const rows = [
    table.headers.map((text) => tableCell({ text }, true)),
    ...table.rows.map((r) => r.map((c) => tableCell(c))),
  ];
  slide.addTable(rows, {
    ...box,
    y: box.y + noteH,
    fontFace: FONT,
    fontSize: 11,
    color: hex(INK),
    border: { type: 'solid', pt: 0.5, color: hex(LINE) },
    autoPage: true,
    autoPageRepeatHeader: true,
    autoPageHeaderRows: 1,
    autoPageSlideStartY: 0.5,
  });
}

/**
 * Compare as a deck: the curves as a native line chart beside the averages, then a slide per
 * panel (pain points, metrics against targets, channels, votes where run, top pain points, top
 * opportunities), each a native table coloured as the screen colours it, editable in PowerPoint.
 */
export async function comparePptx(deck: CompareDeckData): Promise<Blob> {
  const { default: PptxGenJS } = await import('pptxgenjs');
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  const first = pptx.addSlide();
  heading(first, deck.title, deck.verdict);
  const labels = deck.scores.map((s) => s.name);
  first.addChart(
    pptx.ChartType.line,
    deck.names.map((name, i) => ({
      name,
      labels,
      // A stage a journey does not have, or has no emotion in, is a gap, never a made-up value.
      values: deck.scores.map((s) => s.averages[i] ?? null) as number[],
    })),
    {
      x: X,
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
      title: deck.chartName,
      titleFontSize: 14,
    },
  );
  const [averages, ...panels] = deck.tables;
  if (averages) addTable(first, averages, { x: 8.0, y: 1.4, w: 4.9 });
  for (const table of panels) {
    const slide = pptx.addSlide();
    heading(slide, table.title);
    addTable(slide, table, { x: X, y: 1.0, w: W });
  }
  return (await pptx.write({ outputType: 'blob' })) as Blob;
}
