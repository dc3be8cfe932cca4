import type { PlanRow } from '../../domain/action-plan';
import { mdTable, mdText } from '../../domain/markdown';
import { tsvTable } from '../../domain/tsv';
import { planTable } from '../../domain/report';
import { csvField, neutralise } from '../../export/csv';
import { reportWords } from './report-words';

/** The plan as CSV: UTF-8 with a byte-order mark and CRLF, text neutralised, as the map's CSV. */
export function planCsv(rows: readonly PlanRow[]): string {
  const { headers, cells } = planTable(rows, reportWords());
  const line = (values: readonly (string | number)[]) =>
    values.map((v) => csvField(typeof v === 'string' ? neutralise(v) : v)).join(',');
  return '\uFEFF' + [line(headers), ...cells.map(line)].join('\r\n') + '\r\n';
}

/** The plan as tab-separated text, for the clipboard: it pastes into a spreadsheet as a table. */
export function planTsv(rows: readonly PlanRow[]): string {
  const { headers, cells } = planTable(rows, reportWords());
  return tsvTable(headers, cells, neutralise);
}

/** The plan as a Markdown table. */
export function planMarkdown(title: string, rows: readonly PlanRow[]): string {
  const { headers, cells } = planTable(rows, reportWords());
  return `# ${mdText(title)}\n\n${mdTable(headers, cells)}\n`;
}
