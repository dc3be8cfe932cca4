import { CSV_COLUMNS } from '../../domain/csv-columns';
import { CHANNELS, LANE_KINDS, type Channel, type LaneKind } from '../../domain/types';
import type { CodedField, ColumnTarget, Vocabulary } from '../../domain/spreadsheet/sheet-journey';
import { i18n } from '../../i18n';

/**
 * Headers and lane names teams use in journey tables, beside the app's own names for lane kinds
 * (in every language it ships): what each stands for.
 */
const SYNONYMS: Record<string, ColumnTarget> = {};
const add = (target: ColumnTarget, list: string) => {
  for (const w of list.split(',')) SYNONYMS[w.trim()] = target;
};
add('stage', 'stage, stages, phase, phases, journey stage, journey phase');
add('persona', 'persona, customer, who, user');
add('actions', 'action, actions, step, steps, doing, scene, activity, activities, task, tasks, customer actions');
add('touchpoints', 'touchpoint, touchpoints, touch point, touch points, interaction, interactions');
add('channel', 'channel, channels, medium');
add('goals', 'goal, goals, expectation, expectations, need, needs, customer goals');
add('thoughts', 'thought, thoughts, thinking, quote, quotes, says, questions');
add('emotions', 'emotion, emotions, feeling, feelings, mood, sentiment, emotional state, emotion score, score');
add(
  'painPoints',
  'pain point, pain points, painpoint, painpoints, pain, pains, frustration, frustrations, problem, problems, issues',
);
add('opportunities', 'opportunity, opportunities, idea, ideas, improvement, improvements');
add('metrics', 'metric, metrics, kpi, kpis, measure, measures');
add('backstage', 'backstage, back stage, behind the scenes, internal, back office, support processes');
add('notes', 'notes, note, comment, comments');
add('time', 'time, duration, when, timing');

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

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
  const kinds = new Map<string, LaneKind>();
  for (const [word, target] of Object.entries(SYNONYMS))
    if ((LANE_KINDS as readonly string[]).includes(target)) kinds.set(word, target as LaneKind);
  for (const kind of LANE_KINDS) for (const w of allLanguages(`lane.${kind}`)) kinds.set(w, kind);
  const channels = new Map<string, Channel>();
  for (const c of CHANNELS) {
    channels.set(c.toLowerCase(), c);
    for (const w of allLanguages(`channel.${c}`)) channels.set(w, c);
  }
  // Common names of channels beside the app's.
  for (const [w, c] of [
    ['website', 'web'],
    ['app', 'mobileApp'],
    ['mobile', 'mobileApp'],
    ['e-mail', 'email'],
    ['call', 'phone'],
    ['call centre', 'phone'],
    ['call center', 'phone'],
    ['telephone', 'phone'],
    ['whatsapp', 'messaging'],
    ['text', 'sms'],
    ['store', 'store'],
    ['shop', 'store'],
    ['branch', 'store'],
    ['in store', 'store'],
    ['letter', 'mail'],
    ['post', 'mail'],
    ['bot', 'chatbot'],
  ] as const)
    channels.set(w, c);
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
    laneKind: (name) => kinds.get(norm(name)) ?? null,
    channel: (name) => channels.get(norm(name)) ?? null,
    code: (field, word) => codes[field].get(norm(word)) ?? null,
    exportHeaders,
    columnTarget: (header) => {
      const h = norm(header);
      return SYNONYMS[h] ?? headers.get(h) ?? null;
    },
  };
}
