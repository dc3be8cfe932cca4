/**
 * Text made safe for a Markdown table cell or list item: line breaks become spaces, and the
 * characters that would end a cell or turn text into emphasis, code, a link or HTML are escaped.
 * Others (parentheses, "#", "+") are left as typed: inside a line they are plain text.
 */
export function mdText(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]<|]/g, (c) => `\\${c}`)
    .trim();
}

/** A GitHub-flavoured Markdown table; every cell is escaped. */
export function mdTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map((c) => mdText(String(c))).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}
