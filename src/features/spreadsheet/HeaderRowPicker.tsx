import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADER_SEARCH_ROWS, type Sheet } from '../../domain/spreadsheet/sheet-journey';

/** Enough of a row's text to recognise it in a list. */
const PREVIEW_CHARS = 120;

function preview(row: readonly string[]): string {
  const text = row
    .map((c) => (c ?? '').replace(/\s+/g, ' ').trim())
    .filter((c) => c !== '')
    .join(' · ');
  const chars = Array.from(text);
  return chars.length > PREVIEW_CHARS ? `${chars.slice(0, PREVIEW_CHARS - 1).join('')}…` : text;
}

/**
 * Which row heads the table (the stages of a grid, the columns' names of a row per step): found
 * by the reader, changed here when a title or notes above the table misled it.
 */
export function HeaderRowPicker({
  sheet,
  row,
  onChange,
}: {
  sheet: Sheet;
  row: number;
  onChange: (row: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const rows = sheet.slice(0, HEADER_SEARCH_ROWS);
  return (
    <div className="field">
      <label htmlFor={id}>{t('sheet.headerRow')}</label>
      <select id={id} className="input" value={row} onChange={(e) => onChange(Number(e.target.value))}>
        {rows.map((r, i) => {
          const text = preview(r);
          return (
            <option key={i} value={i} disabled={text === ''}>
              {text ? t('sheet.rowPreview', { n: i + 1, text }) : t('sheet.blankRow', { n: i + 1 })}
            </option>
          );
        })}
      </select>
    </div>
  );
}
