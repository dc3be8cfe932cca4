/// <reference lib="webworker" />
import { parseJourneyFile } from './parse';

/**
 * Reads, parses and checks a file away from the page, so a large or hostile file never freezes
 * it. A valid document goes back as JSON text, one journey per piece: the page parses the pieces
 * one task at a time, where taking the whole document as one structured clone blocked it for over
 * a second on a 12 MB workspace.
 */
self.onmessage = async (event: MessageEvent<Blob>) => {
  try {
    const result = parseJourneyFile(await event.data.text());
    if (!result.ok) {
      self.postMessage({ result });
      return;
    }
    const { journeys, ...rest } = result.doc;
    self.postMessage({ pieces: { rest: JSON.stringify(rest), journeys: journeys.map((j) => JSON.stringify(j)) } });
  } catch (e) {
    self.postMessage({ error: e instanceof Error ? e.message : String(e) });
  }
};
