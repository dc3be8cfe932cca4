import type { CellTone, PanelTable } from '../domain/compare-tables';
import { escapeXml, wrapText, type Measure } from './svg';

/** The screen's light-theme colours of a cell's tone (pictures and decks stay light). */
export const TONE_FILL: Partial<Record<CellTone, string>> = {
  high: '#F6C9C4',
  medium: '#FBE3C2',
  low: '#FDF3D0',
  unrated: '#F3F5F9',
  diverge: '#FFF4E0',
};
export const TONE_INK: Partial<Record<CellTone, string>> = {
  notMet: '#B3261E',
  met: '#1E7D45',
  none: '#5A6478',
  missing: '#5A6478',
};
export const INK = '#1D2433';
export const LINE = '#DDE1E8';
export const HEAD_FILL = '#EEF1F6';

export interface ComparePicture {
  title: string;
  verdict: string;
  legend: { name: string; detail: string; color: string }[];
  /** The curves chart: its markup inside <svg>, every colour an attribute, and its size. */
  chart: { inner: string; width: number; height: number };
  tables: PanelTable[];
}

const M = 24;
const SIZE = 13;
const ROW_LINE = 18;
const CELL_PAD = 8;
const MAX_COL = 320;

/** A table's column widths and wrapped lines, measured with the picture's font. */
function layoutTable(table: PanelTable, measure: Measure) {
  const all = [table.headers.map((text) => ({ text })), ...table.rows];
  const widths = table.headers.map((_, c) =>
    Math.min(MAX_COL, Math.max(48, ...all.map((row, r) => measure(row[c]?.text ?? '', SIZE, r === 0) + 2 * CELL_PAD))),
  );
  const lines = all.map((row, r) =>
    row.map((cell, c) => wrapText(cell.text, widths[c]! - 2 * CELL_PAD, SIZE, r === 0, 4, measure)),
  );
  const heights = lines.map((row) => Math.max(1, ...row.map((l) => l.length)) * ROW_LINE + 10);
  return { widths, lines, heights, width: widths.reduce((a, b) => a + b, 0) };
}

const text = (x: number, y: number, s: string, size: number, opts: { bold?: boolean; fill?: string } = {}) =>
  `<text x="${x}" y="${y}" font-size="${size}"${opts.bold ? ' font-weight="700"' : ''} fill="${opts.fill ?? INK}">${escapeXml(s)}</text>`;

/**
 * Compare as one standalone SVG, as the PNG shows it: the title and verdict, the legend, the
 * curves, then every panel as a table with its cells coloured as on screen. Every colour is an
 * attribute, so it looks the same opened alone, in a browser or a drawing program.
 */
export function compareToSvg(p: ComparePicture, measure: Measure, font: string): string {
  const tables = p.tables.map((t) => ({ table: t, layout: layoutTable(t, measure) }));
  const width = Math.ceil(Math.max(p.chart.width, ...tables.map((t) => t.layout.width), 600) + 2 * M);
  const out: string[] = [];
  let y = M + 22;
  out.push(text(M, y, p.title, 22, { bold: true }));
  for (const line of wrapText(p.verdict, width - 2 * M, 15, false, 3, measure)) {
    y += 24;
    out.push(text(M, y, line, 15));
  }
  y += 16;
  for (const item of p.legend) {
    out.push(`<rect x="${M}" y="${y}" width="18" height="18" rx="3" fill="${item.color}"/>`);
    out.push(text(M + 26, y + 14, `${item.name} — ${item.detail}`, 14));
    y += 28;
  }
  out.push(
    `<svg x="${M}" y="${y}" width="${p.chart.width}" height="${p.chart.height}" viewBox="0 0 ${p.chart.width} ${p.chart.height}">${p.chart.inner}</svg>`,
  );
  y += p.chart.height + 16;
  for (const { table, layout } of tables) {
    y += 26;
    out.push(text(M, y, table.title, 17, { bold: true }));
    y += 12;
    if (table.rows.length) {
      const rows = [table.headers.map((t) => ({ text: t, tone: undefined as CellTone | undefined })), ...table.rows];
      rows.forEach((row, r) => {
        let x = M;
        const h = layout.heights[r]!;
        row.forEach((cell, c) => {
          const w = layout.widths[c]!;
          const fill = r === 0 ? HEAD_FILL : cell.tone && TONE_FILL[cell.tone];
          if (fill) out.push(`<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="${fill}"/>`);
          layout.lines[r]![c]!.forEach((line, i) =>
            out.push(
              text(x + CELL_PAD, y + 18 + i * ROW_LINE, line, SIZE, {
                bold: r === 0,
                fill: (cell.tone && TONE_INK[cell.tone]) ?? INK,
              }),
            ),
          );
          x += w;
        });
        y += h;
        out.push(`<line x1="${M}" x2="${M + layout.width}" y1="${y}" y2="${y}" stroke="${LINE}" stroke-width="1"/>`);
      });
    }
    for (const note of table.notes) {
      y += 22;
      out.push(text(M, y, note, 13, { fill: '#5A6478' }));
    }
    y += 8;
  }
  const height = Math.ceil(y + M);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}"><title>${escapeXml(p.title)}</title><rect width="${width}" height="${height}" fill="#ffffff"/>${out.join('')}</svg>`;
}
