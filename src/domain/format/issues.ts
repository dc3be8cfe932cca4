/** A problem found in a file: where (a JSON path such as `journeys[0].cards[3].score`) and what (a code for the i18n layer). */
export interface FormatIssue {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export type PathSegment = string | number;

export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  }
  return out;
}

/** Schema messages carry their parameter after a bar: `tooLong|200`. */
export function issueFromMessage(path: string, message: string): FormatIssue {
  const bar = message.indexOf('|');
  if (bar < 0) return { path, code: message };
  return { path, code: message.slice(0, bar), params: { value: message.slice(bar + 1) } };
}
