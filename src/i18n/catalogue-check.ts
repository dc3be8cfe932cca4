import type { Messages } from './messages';

/**
 * What a catalogue must agree on with the English one: the same keys (plural keys by their base),
 * the plural forms its language needs, the same interpolation variables. Used by the catalogue
 * tests; pure, so a translator's mistake is named by key.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

export function flatten(messages: Messages, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

export const variables = (text: string): string[] =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!))].sort();

interface Entry {
  forms: Map<string, string>; // plural category (or '' for a plain key) -> text
}

function entries(messages: Messages): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const [key, text] of flatten(messages)) {
    const m = PLURAL_SUFFIX.exec(key);
    const base = m ? key.slice(0, m.index) : key;
    const entry = out.get(base) ?? { forms: new Map() };
    entry.forms.set(m ? m[1]! : '', text);
    out.set(base, entry);
  }
  return out;
}

const allVariables = (entry: Entry) => variables([...entry.forms.values()].join(' '));

/** Each problem as "key: what is wrong"; none when the catalogue matches English. */
export function catalogueProblems(language: string, catalogue: Messages, english: Messages): string[] {
  const problems: string[] = [];
  const want = entries(english);
  const have = entries(catalogue);
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories as string[];
  for (const [key, en] of want) {
    const entry = have.get(key);
    if (!entry) {
      problems.push(`${key}: missing`);
      continue;
    }
    const plural = !en.forms.has('');
    if (plural) {
      if (entry.forms.has('')) problems.push(`${key}: must have plural forms`);
      for (const c of categories) if (!entry.forms.has(c)) problems.push(`${key}: no "${c}" form`);
      for (const c of entry.forms.keys())
        if (c !== 'zero' && !categories.includes(c))
          problems.push(`${key}: "${c}" is not a plural form of ${language}`);
    } else if (entry.forms.size !== 1 || !entry.forms.has('')) problems.push(`${key}: must not have plural forms`);
    for (const [form, text] of entry.forms) if (!text.trim()) problems.push(`${key}${form ? `_${form}` : ''}: empty`);
    const a = allVariables(en).join(',');
    const b = allVariables(entry).join(',');
    if (a !== b) problems.push(`${key}: variables {${b}} instead of {${a}}`);
  }
  for (const key of have.keys()) if (!want.has(key)) problems.push(`${key}: not an English key`);
  return problems;
}
