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
