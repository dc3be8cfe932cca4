import { PICTURE_FONT } from '../../canvas/visuals';
import type { StageScores } from '../../domain/compare';
import type { PanelTable } from '../../domain/compare-tables';
import { compareToSvg } from '../../export/compare-picture';
import { comparePptx } from '../../export/compare-pptx';
import { canvasMeasure } from '../../export/png';
import { downloadBlob } from '../../ui/download';

export interface CompareDeck {
  title: string;
  verdict: string;
  names: string[];
  colors: string[];
  /** Each journey's title, beside its name in the legend. */
  journeyTitles: string[];
  scores: StageScores[];
  /** The averages, then every panel, as the screen shows them. */
  tables: PanelTable[];
  words: { chartName: string };
}

/**
 * The chart drawn on screen with every colour it takes from the page's CSS (the light theme's,
 * whatever the screen's) written on it as an attribute, so that it looks the same opened alone.
 */
function standaloneChart(chart: SVGSVGElement): { inner: string; width: number; height: number } {
  const [, , width, height] = (chart.getAttribute('viewBox') ?? '0 0 800 300').split(/\s+/).map(Number) as number[];
  const host = chart.parentElement!;
  host.dataset.theme = 'light';
  try {
    const clone = chart.cloneNode(true) as SVGSVGElement;
    const from = [...chart.querySelectorAll<SVGElement>('*')];
    const to = [...clone.querySelectorAll<SVGElement>('*')];
    from.forEach((el, i) => {
      const style = getComputedStyle(el);
      const copy = to[i]!;
      for (const prop of ['fill', 'stroke'] as const) {
        if (!el.style.getPropertyValue(prop)) continue;
        copy.style.removeProperty(prop);
        copy.setAttribute(prop, style.getPropertyValue(prop));
      }
      if (!copy.getAttribute('style')) copy.removeAttribute('style');
    });
    return { inner: clone.innerHTML, width: width!, height: height! };
  } finally {
    delete host.dataset.theme;
  }
}

/** Compare as a standalone SVG: what the PNG shows, every panel included. */
export function compareSvg(chart: SVGSVGElement, deck: CompareDeck): string {
  return compareToSvg(
    {
      title: deck.title,
      verdict: deck.verdict,
      legend: deck.names.map((name, i) => ({ name, detail: deck.journeyTitles[i] ?? '', color: deck.colors[i]! })),
      chart: standaloneChart(chart),
      tables: deck.tables,
    },
    canvasMeasure(PICTURE_FONT),
    PICTURE_FONT,
  );
}

export function exportCompareSvg(chart: SVGSVGElement, deck: CompareDeck, fileName: string): void {
  downloadBlob(new Blob([compareSvg(chart, deck)], { type: 'image/svg+xml' }), fileName);
}

/** Compare as a deck: the curves, then a slide per panel, native charts and tables. */
export async function exportComparePptx(deck: CompareDeck, fileName: string): Promise<void> {
  downloadBlob(await comparePptx({ ...deck, chartName: deck.words.chartName }), fileName);
}
