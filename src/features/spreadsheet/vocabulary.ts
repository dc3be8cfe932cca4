import { CSV_COLUMNS } from '../../domain/csv-columns';
import { CHANNELS, LANE_KINDS, type Channel, type LaneKind } from '../../domain/types';
import type { CodedField, ColumnTarget, Vocabulary } from '../../domain/spreadsheet/sheet-journey';
import { channelWord, headerKey, headerWord, normWord as norm } from '../../domain/spreadsheet/sheet-words';
import { i18n } from '../../i18n';

/** The words of every language the app has, for one message key. */
function allLanguages(key: string): string[] {
  const out: string[] = [];
  for (const lng of Object.keys(i18n.store.data)) {
    const v = i18n.getFixedT(lng)(key, { defaultValue: '' });
    if (typeof v === 'string' && v) out.push(norm(v));
  }
  return out;
}

export function vocabulary(): Vocabulary {
  // The app's own names of lane kinds and channels, in every catalogue loaded, beside the words
  // teams write (sheet-words.ts, in every language the app ships).
  const kinds = new Map<string, LaneKind>();
  for (const kind of LANE_KINDS) for (const w of allLanguages(`lane.${kind}`)) kinds.set(w, kind);
  const channels = new Map<string, Channel>();
  for (const c of CHANNELS) {
    channels.set(c.toLowerCase(), c);
    for (const w of allLanguages(`channel.${c}`)) channels.set(w, c);
  }
  const isKind = (t: ColumnTarget | null): t is LaneKind => (LANE_KINDS as readonly string[]).includes(t ?? '');
  const laneKind = (name: string): LaneKind | null => {
    const word = headerWord(name);
    return kinds.get(norm(name)) ?? kinds.get(headerKey(name)) ?? (isKind(word) ? word : null);
  };
  const codes: Record<CodedField, Map<string, string>> = {
    evidence: new Map(),
    channel: new Map(),
    severity: new Map(),
    status: new Map(),
    metric: new Map(),
  };
  const codeKeys: Record<CodedField, [readonly string[], (code: string) => string]> = {
    evidence: [['observed', 'reported', 'assumed'], (c) => `evidence.${c}`],
    channel: [CHANNELS, (c) => `channel.${c}`],
    severity: [['low', 'medium', 'high'], (c) => `details.severityLevel.${c}`],
    status: [['idea', 'planned', 'doing', 'done'], (c) => `status.${c}`],
    metric: [['NPS', 'CSAT', 'CES', 'churn', 'FCR', 'FRT', 'ART', 'CLV', 'custom'], (c) => `metric.${c}`],
  };
  for (const [field, [list, key]] of Object.entries(codeKeys) as [CodedField, (typeof codeKeys)[CodedField]][])
    for (const code of list) {
      codes[field].set(norm(code), code);
      for (const w of allLanguages(key(code))) codes[field].set(w, code);
    }
  const exportHeaders = CSV_COLUMNS.map((k) => i18n.t(`csv.${k}`));
  // The app's own column names, in every language loaded, name the same columns as the synonyms.
  const headers = new Map<string, ColumnTarget>(kinds);
  for (const [target, key] of [
    ['stage', 'csv.stage'],
    ['channel', 'csv.channel'],
    ['persona', 'newJourney.persona'],
  ] as const)
    for (const w of allLanguages(key)) headers.set(w, target);
  return {
    laneKind,
    channel: (name) => channels.get(norm(name)) ?? channelWord(name),
    code: (field, word) => codes[field].get(norm(word)) ?? null,
    exportHeaders,
    columnTarget: (header) => headerWord(header) ?? headers.get(norm(header)) ?? headers.get(headerKey(header)) ?? null,
  };
}
