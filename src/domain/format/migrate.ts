/**
 * File format versions. Each step upgrades a document from version N to N+1; a document is
 * walked through every step from its version to the current one. Version 1 is the first, so the
 * list is empty; the next format change adds `1: (doc) => …` here with a fixture test.
 */
export const CURRENT_FORMAT_VERSION = 1;
export const FIRST_FORMAT_VERSION = 1;

type Step = (doc: Record<string, unknown>) => Record<string, unknown>;
export const MIGRATIONS: Readonly<Record<number, Step>> = {};

export function migrateDocument(doc: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let out = doc;
  for (let v = fromVersion; v < CURRENT_FORMAT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`no migration from version ${v}`);
    out = { ...step(out), version: v + 1 };
  }
  return out;
}
