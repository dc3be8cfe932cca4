export { parseJourneyFile, type ParseResult } from './parse';
export { exportDocument, serializeDocument, journeyToFile, personaToFile } from './serialize';
export { importDocument, type ImportSummary } from './import-document';
export type { FormatIssue } from './issues';
export type { FileDocument } from './schema';
export { CURRENT_FORMAT_VERSION } from './migrate';
