/** A catalogue: messages grouped by screen, as i18next reads them. */
export interface Messages {
  [key: string]: string | Messages;
}

/** Catalogue parts merged into one; a later part adds keys to an earlier part's groups. */
export function mergeMessages(...parts: Messages[]): Messages {
  const out: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prev = out[key];
      out[key] = typeof value === 'object' && typeof prev === 'object' ? mergeMessages(prev, value) : value;
    }
  }
  return out;
}
