import * as v from 'valibot';
import { LIMITS } from '../types';
import { formatPath, issueFromMessage, type FormatIssue, type PathSegment } from './issues';
import { CURRENT_FORMAT_VERSION, FIRST_FORMAT_VERSION, migrateDocument } from './migrate';
import { DocumentSchema, type FileDocument } from './schema';
import { validateDocument } from './validate';

export type ParseResult = { ok: true; doc: FileDocument } | { ok: false; issues: FormatIssue[]; total: number };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function fail(issues: FormatIssue[]): ParseResult {
  return { ok: false, issues: issues.slice(0, LIMITS.maxReportedErrors), total: issues.length };
}

/**
 * Where a file stops being JSON, said without quoting it: the engine's own message quotes the
 * text, which for a picture or a zip is unreadable bytes.
 */
function notJson(text: string, error: unknown): FormatIssue {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return { path: '', code: 'notJsonStart' };
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (at) {
    const before = text.slice(0, Number(at[1]));
    return {
      path: '',
      code: 'notJsonAt',
      params: { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') },
    };
  }
  if (/end of JSON input/i.test(message)) return { path: '', code: 'notJsonEnd' };
  return { path: '', code: 'notJson', params: { detail: message.replace(/[^\P{C}\n]|\uFFFD/gu, '').slice(0, 160) } };
}

/** Deeper than any journey file (about 6 levels): more is a hostile or broken file. */
export const MAX_NESTING = 64;

/**
 * Where the text nests objects and arrays deeper than `max`, found before parsing in one pass
 * (strings skipped), so a file of a million nested brackets is refused at once.
 */
export function tooDeepAt(text: string, max = MAX_NESTING): { line: number; column: number } | null {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \\ */) i++;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return { line, column: i - lineStart + 1 };
    } else if (c === 125 || c === 93) depth--;
    else if (c === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return null;
}

interface PathLink {
  key: PathSegment;
  parent: PathLink | null;
}

function pathOfLink(link: PathLink | null): PathSegment[] {
  const out: PathSegment[] = [];
  for (let l = link; l; l = l.parent) out.push(l.key);
  return out.reverse();
}

/**
 * JSON.parse makes `__proto__` an own key (it cannot pollute by itself), but such keys have no
 * meaning in the format and are a classic attack on code that copies objects, so they are refused.
 * Iterative, and linear: each value links to its parent instead of copying its path (a path copy
 * per value took 17 s on a file nested 100,000 deep).
 */
function findForbiddenKeys(root: unknown): FormatIssue[] {
  const found: FormatIssue[] = [];
  const stack: [unknown, PathLink | null][] = [[root, null]];
  while (stack.length > 0 && found.length < LIMITS.maxReportedErrors) {
    const [value, path] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push([value[i], { key: i, parent: path }]);
      continue;
    }
    const keys = Object.keys(value);
    for (let k = keys.length - 1; k >= 0; k--) {
      const key = keys[k]!;
      const link = { key, parent: path };
      if (FORBIDDEN_KEYS.has(key)) found.push({ path: formatPath(pathOfLink(link)), code: 'forbiddenKey' });
      else stack.push([(value as Record<string, unknown>)[key], link]);
    }
  }
  return found;
}

function pathOf(issue: v.BaseIssue<unknown>): string {
  return formatPath((issue.path ?? []).map((p) => p.key as PathSegment));
}

/** Text of a file → a valid, current-version document, or every problem with its JSON path. */
export function parseJourneyFile(text: string): ParseResult {
  if (text.trim() === '') return fail([{ path: '', code: 'emptyFile' }]);
  const deep = tooDeepAt(text);
  if (deep) return fail([{ path: '', code: 'tooDeep', params: { max: MAX_NESTING, ...deep } }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return fail([notJson(text, e)]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail([{ path: '', code: 'notObject' }]);

  const forbidden = findForbiddenKeys(raw);
  if (forbidden.length > 0) return fail(forbidden);

  let doc = raw as Record<string, unknown>;
  if (doc.format !== 'journey-canvas') return fail([{ path: 'format', code: 'wrongFormat' }]);
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < FIRST_FORMAT_VERSION) {
    return fail([{ path: 'version', code: 'badVersion' }]);
  }
  if (version > CURRENT_FORMAT_VERSION) {
    return fail([{ path: 'version', code: 'newerVersion', params: { version, supported: CURRENT_FORMAT_VERSION } }]);
  }
  doc = migrateDocument(doc, version);

  const result = v.safeParse(DocumentSchema, doc, { abortEarly: false });
  if (!result.success) {
    return fail(
      result.issues.map((issue) => {
        const path = pathOf(issue);
        // A missing key reports the type it expected; "is required" says more.
        const last = issue.path?.[issue.path.length - 1];
        if (
          issue.input === undefined &&
          last &&
          typeof last.input === 'object' &&
          last.input !== null &&
          !((last.key as PropertyKey) in last.input)
        )
          return { path, code: 'required' };
        return issueFromMessage(path, issue.message);
      }),
    );
  }
  const semantic = validateDocument(result.output);
  if (semantic.length > 0) return fail(semantic);
  return { ok: true, doc: result.output };
}
