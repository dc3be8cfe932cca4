import type { CommandContext } from '../domain/command';
import { importDocument } from '../domain/format/import-document';
import type { FileDocument } from '../domain/format/schema';
import { emptyWorkspace, type Workspace } from '../domain/types';

/** The records a document becomes in an empty workspace (the demo's first write). */
export function recordsOf(doc: FileDocument, ctx: CommandContext): Workspace {
  const ws = emptyWorkspace();
  importDocument(doc).run(ws, ctx);
  return ws;
}
