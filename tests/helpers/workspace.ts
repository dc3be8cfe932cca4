import type { CommandContext } from '../../src/domain/command';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { importDocument } from '../../src/domain/format/import-document';
import { createWorkspaceStore } from '../../src/store/workspace-store';

/** Deterministic ids and clock for command tests. */
export function testContext(start = 1_700_000_000_000): () => CommandContext {
  let n = 0;
  let now = start;
  return () => ({ now: (now += 1000), newId: () => `id-${++n}` });
}

export function storeWith(fileText?: string) {
  const store = createWorkspaceStore({ makeContext: testContext() });
  if (fileText) {
    const parsed = parseJourneyFile(fileText);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    store.dispatch(importDocument(parsed.doc), { history: false });
  }
  return store;
}
