import type { ParseResult } from '../../domain/format/parse';

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
    return await new Promise<ParseResult>((resolve, reject) => {
      if (signal?.aborted) return reject(new ParseCancelled());
      signal?.addEventListener('abort', () => reject(new ParseCancelled()), { once: true });
      worker.onmessage = (e: MessageEvent<{ result?: ParseResult; error?: string }>) => {
        if (e.data.result) resolve(e.data.result);
        else reject(new FileUnreadable(e.data.error ?? ''));
      };
      worker.onerror = (e) => reject(new FileUnreadable(e.message));
      worker.postMessage(file);
    });
  } finally {
    worker.terminate();
  }
}
