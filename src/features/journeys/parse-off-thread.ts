import type { ParseResult } from '../../domain/format/parse';
import type { FileDocument } from '../../domain/format/schema';
import { runInSlices } from '../../app/slices';

interface Pieces {
  rest: string;
  journeys: string[];
}

/** The file could not be read (removed, no permission): said in words, with what the browser said. */
export class FileUnreadable extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'FileUnreadable';
  }
}

export class ParseCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ParseCancelled';
  }
}

/** The document back from the worker's JSON pieces, a journey per step. */
function* parseJourneys(pieces: Pieces): Generator<void, FileDocument> {
  const doc = JSON.parse(pieces.rest) as Omit<FileDocument, 'journeys'>;
  const journeys: FileDocument['journeys'] = [];
  for (const text of pieces.journeys) {
    journeys.push(JSON.parse(text) as FileDocument['journeys'][number]);
    yield;
  }
  return { ...doc, journeys } as FileDocument;
}

/**
 * Parses and checks a file in a worker: JSON.parse, the schema and the checks of a 50 MB file
 * take seconds, which on the page would block every click (and Cancel). Cancel ends the worker.
 */
export async function parseOffThread(file: Blob, signal?: AbortSignal): Promise<ParseResult> {
  if (typeof Worker === 'undefined') {
    // Without workers (tests in Node): parse here.
    const { parseJourneyFile } = await import('../../domain/format/parse');
    let text: string;
    try {
      text = await file.text();
    } catch (e) {
      throw new FileUnreadable(e instanceof Error ? e.message : String(e));
    }
    return parseJourneyFile(text);
  }
  const worker = new Worker(new URL('../../domain/format/parse.worker.ts', import.meta.url), { type: 'module' });
  try {
    const reply = await new Promise<ParseResult | Pieces>((resolve, reject) => {
      if (signal?.aborted) return reject(new ParseCancelled());
      signal?.addEventListener('abort', () => reject(new ParseCancelled()), { once: true });
      worker.onmessage = (e: MessageEvent<{ result?: ParseResult; pieces?: Pieces; error?: string }>) => {
        if (e.data.result) resolve(e.data.result);
        else if (e.data.pieces) resolve(e.data.pieces);
        else reject(new FileUnreadable(e.data.error ?? ''));
      };
      worker.onerror = (e) => reject(new FileUnreadable(e.message));
      worker.postMessage(file);
    });
    if (!('rest' in reply)) return reply;
    const doc = await runInSlices(parseJourneys(reply), () => {
      if (signal?.aborted) throw new ParseCancelled();
    });
    return { ok: true, doc };
  } finally {
    worker.terminate();
  }
}
