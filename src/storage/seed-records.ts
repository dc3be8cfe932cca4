import type { CommandContext } from '../domain/command';
import { addRecords, planImport, targetOf } from '../domain/format/import-document';
import type { FileDocument } from '../domain/format/schema';
import { emptyWorkspace, type Workspace } from '../domain/types';

/**
 * The records a document becomes in an empty workspace (the demo's first write). With `fresh`,
 * every record gets a new id: the demo is the same file in every browser, and a journey or part
 * with the same id in two browsers would meet in a live room as if it were one.
 */
export function recordsOf(doc: FileDocument, ctx: CommandContext, { fresh = false } = {}): Workspace {
  const ws = emptyWorkspace();
  const target = fresh ? { ...targetOf(ws), fresh: () => true } : targetOf(ws);
  addRecords(planImport(doc, ctx, target).records).run(ws, ctx);
  return ws;
}
