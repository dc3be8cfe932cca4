/**
 * A table as tab-separated text, the way spreadsheets put one on the clipboard: pasted into Excel,
 * Numbers or Google Sheets it fills one cell per value. Tabs and line breaks inside a value become
 * spaces, so a value never spills into the next cell or row; `text` transforms the text values
 * (the exports neutralise formulas with it).
 */
export function tsvTable(
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  text: (s: string) => string = (s) => s,
): string {
  const cell = (v: string | number) => (typeof v === 'number' ? String(v) : text(v.replace(/[\t\r\n]+/g, ' ').trim()));
  return [headers, ...rows].map((r) => r.map(cell).join('\t')).join('\r\n') + '\r\n';
}
