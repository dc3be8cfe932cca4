import Papa from 'papaparse';
import { decodeText } from '../../domain/spreadsheet/decode-text';
import { MAX_ROWS, MAX_SHEET_BYTES, type MergedCells, type Sheet } from '../../domain/spreadsheet/sheet-journey';
import { checkXlsxZip, type ZipCheck } from '../../domain/spreadsheet/zip-limits';

export type ReadProblem =
  | 'encoding'
  | 'csvBroken'
  | Exclude<ZipCheck, { ok: true }>['code']
  | 'fileTooLarge'
  | 'noSheet'
  | 'tooManyRows'
  | 'unreadable';

export type ReadResult =
  { ok: true; sheet: Sheet; merges: MergedCells[] } | { ok: false; code: ReadProblem; detail?: string };

/** A spreadsheet file's first sheet as text, values only: a formula gives its stored result. */
export async function readSpreadsheet(file: File): Promise<ReadResult> {
  // Refused before reading, as a journey file is, so a huge file never reaches memory.
  if (file.size > MAX_SHEET_BYTES) return { ok: false, code: 'fileTooLarge', detail: String(file.size) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  return /\.xlsx$/i.test(file.name) ? readXlsx(bytes) : readCsv(bytes);
}

function readCsv(bytes: Uint8Array): ReadResult {
  const decoded = decodeText(bytes);
  if (!decoded) return { ok: false, code: 'encoding' };
  // Excel's "sep=;" first line names the separator and is no row of the sheet (Excel hides it);
  // otherwise Papa Parse guesses the separator (, ; tab).
  const sep = /^sep=(.)\r?\n/.exec(decoded.text);
  const text = sep ? decoded.text.slice(sep[0].length) : decoded.text;
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, ...(sep && { delimiter: sep[1] }) });
  const broken = parsed.errors.find((e) => e.type === 'Quotes');
  if (broken) return { ok: false, code: 'csvBroken', detail: String((broken.row ?? 0) + 1) };
  return { ok: true, sheet: parsed.data, merges: [] };
}

type CellValue =
  | null
  | undefined
  | string
  | number
  | boolean
  | Date
  | { richText: { text: string }[] }
  | { text: string | { richText: { text: string }[] }; hyperlink: string }
  | { formula?: string; sharedFormula?: string; result?: unknown }
  | { error: string };

/** A cell's value as text; a formula is never evaluated, its stored result is taken. */
function cellText(v: CellValue | unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r: { text: string }) => r.text).join('');
    if ('hyperlink' in v && 'text' in v) return cellText(v.text);
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: unknown }).result);
    if ('error' in v) return String((v as { error: string }).error);
  }
  return '';
}

async function readXlsx(bytes: Uint8Array): Promise<ReadResult> {
  const zip = checkXlsxZip(bytes);
  if (!zip.ok) return { ok: false, code: zip.code };
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
  } catch (e) {
    return { ok: false, code: 'unreadable', detail: e instanceof Error ? e.message : String(e) };
  }
  const ws = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!ws) return { ok: false, code: 'noSheet' };
  if (ws.actualRowCount - 1 > MAX_ROWS)
    return { ok: false, code: 'tooManyRows', detail: String(ws.actualRowCount - 1) };
  // A merged cell's value stands for several cells: the reader refuses those inside the table.
  const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(mergedRows);
  const rows: string[][] = [];
  const width = ws.actualColumnCount > 0 ? ws.columnCount : 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return { ok: true, sheet: rows, merges };
}

/** "A1:F2" with its last row, from 0. */
function mergedRows(ref: string): MergedCells {
  const rows = [...ref.matchAll(/\d+/g)].map((m) => Number(m[0]) - 1);
  return { bottom: Math.max(...rows), ref };
}
