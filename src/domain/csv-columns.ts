import { ALL_KIND_FIELDS } from './types';

/** The columns of the CSV this app writes (a row per card), in order; the importer reads them back. */
export const CSV_COLUMNS = [
  'journey',
  'stage',
  'lane',
  'kind',
  'title',
  'notes',
  'evidence',
  // A KPI link is a card id, which a spreadsheet cannot keep meaning.
  ...ALL_KIND_FIELDS.filter((f) => f !== 'kpiCardId'),
] as const;

/**
 * A cell a spreadsheet program would take for a formula (one starting with `=`, `+`, `-` or `@`,
 * spaces before it too, or a tab or carriage return): the CSV export puts a quote before it, and
 * the import takes that quote away again.
 */
export const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r])/;
