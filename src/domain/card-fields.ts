import { DomainError } from './command';
import {
  CHANNELS,
  EVIDENCE,
  KIND_FIELDS,
  LIMITS,
  METRICS,
  METRIC_BETTER,
  OPPORTUNITY_STATUSES,
  SEVERITIES,
  type CardKindFields,
  type CardRec,
  type Evidence,
  type LaneKind,
  SCORE_RANGE,
} from './types';

/** What an edit may set on a card; `undefined` clears an optional field. */
export type CardChanges = Partial<
  Pick<CardRec, 'title' | 'notes'> & { evidence: Evidence | undefined } & CardKindFields
>;

const isInt = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
const oneOf = (list: readonly string[]) => (v: unknown) => typeof v === 'string' && list.includes(v);

const RULES: Record<keyof CardChanges, (v: unknown) => boolean> = {
  title: (v) => typeof v === 'string' && v.length <= LIMITS.cardTitleLength,
  notes: (v) => typeof v === 'string' && v.length <= LIMITS.notesLength,
  evidence: oneOf(EVIDENCE),
  channel: oneOf(CHANNELS),
  score: (v) => isInt(v, SCORE_RANGE.min, SCORE_RANGE.max),
  severity: oneOf(SEVERITIES),
  impact: (v) => isInt(v, 1, 3),
  effort: (v) => isInt(v, 1, 3),
  owner: (v) => typeof v === 'string' && v.length <= LIMITS.nameLength,
  status: oneOf(OPPORTUNITY_STATUSES),
  votes: (v) => isInt(v, 0, Number.MAX_SAFE_INTEGER),
  metric: oneOf(METRICS),
  value: (v) => typeof v === 'number' && Number.isFinite(v),
  target: (v) => typeof v === 'number' && Number.isFinite(v),
  unit: (v) => typeof v === 'string' && v.length <= 50,
  better: oneOf(METRIC_BETTER),
  kpiCardId: (v) => typeof v === 'string' && v.length > 0 && v.length <= LIMITS.idLength,
};

/** Whether a value is allowed in a card field (any kind's), by the same rules as an edit. */
export function validCardField(field: string, value: unknown): boolean {
  const rule = RULES[field as keyof CardChanges];
  return rule !== undefined && rule(value);
}

/** Fields a kind cannot be without. */
export const REQUIRED_DEFAULTS: Partial<Record<LaneKind, CardKindFields>> = {
  emotions: { score: 0 },
  metrics: { metric: 'custom' },
};

/** Throws a DomainError naming the first change the card's kind does not allow. */
export function checkCardChanges(kind: LaneKind, changes: CardChanges): void {
  for (const [field, value] of Object.entries(changes) as [keyof CardChanges, unknown][]) {
    const rule = RULES[field];
    if (!rule) throw new DomainError('unknownField', { field });
    const isKindField = field !== 'title' && field !== 'notes' && field !== 'evidence';
    if (isKindField && !KIND_FIELDS[kind].includes(field)) throw new DomainError('fieldNotForKind', { field, kind });
    if (value === undefined) {
      if (field === 'title' || REQUIRED_DEFAULTS[kind]?.[field as keyof CardKindFields] !== undefined) {
        throw new DomainError('fieldRequired', { field });
      }
      continue;
    }
    if (!rule(value)) throw new DomainError('fieldInvalid', { field });
  }
}

/** Makes a card fit a lane kind: drops other kinds' fields and fills the required ones. */
export function fitCardToKind(card: CardRec, kind: LaneKind): void {
  const allowed = KIND_FIELDS[kind];
  for (const field of Object.keys(RULES) as (keyof CardKindFields)[]) {
    if (field in card && !allowed.includes(field) && !['title', 'notes', 'evidence'].includes(field)) {
      delete (card as CardKindFields)[field];
    }
  }
  for (const [field, value] of Object.entries(REQUIRED_DEFAULTS[kind] ?? {})) {
    const rec = card as unknown as Record<string, unknown>;
    if (rec[field] === undefined) rec[field] = value;
  }
}
