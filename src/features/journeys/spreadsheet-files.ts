/** Files the spreadsheet importer reads (previewed in Import spreadsheet) rather than the JSON one. */
export const isSpreadsheet = (file: Pick<File, 'name'>) => /\.(csv|xlsx)$/i.test(file.name);

/** What the file picker offers: journey files and spreadsheets. */
export const IMPORT_ACCEPT =
  '.json,application/json,.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
