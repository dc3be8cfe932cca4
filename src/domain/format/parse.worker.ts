/// <reference lib="webworker" />
import { parseJourneyFile } from './parse';

/** Reads, parses and checks a file away from the page, so a large or hostile file never freezes it. */
self.onmessage = async (event: MessageEvent<Blob>) => {
  try {
    const text = await event.data.text();
    self.postMessage({ result: parseJourneyFile(text) });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
