import * as v from 'valibot';
import {
  CHANNELS,
  CONNECTION_KINDS,
  EVIDENCE,
  JOURNEY_STATES,
  LANE_KINDS,
  LIMITS,
  METRICS,
  OPPORTUNITY_STATUSES,
  SEVERITIES,
  COLOR_PATTERN,
  SCORE_RANGE,
} from '../types';

/**
 * The structure of a version-1 file. Messages are issue codes (`code|param`), turned into words
 * by the i18n layer; rules that need the whole document (ids, references, kinds) live in
 * `validate.ts`.
 */
const text = () => v.string('string');
const optText = () => v.optional(text());
const limited = (max: number) => v.pipe(text(), v.maxLength(max, `tooLong|${max}`));
const trimmedName = (max: number) =>
  v.pipe(
    text(),
    v.check((s) => s.trim().length > 0, 'blank'),
    v.check((s) => s.trim().length <= max, `tooLong|${max}`),
  );
const id = () => v.pipe(text(), v.minLength(1, 'idLength'), v.maxLength(LIMITS.idLength, 'idLength'));
const oneOf = <T extends readonly string[]>(options: T) => v.picklist(options, `oneOf|${options.join(', ')}`);
const list = <S extends v.GenericSchema>(item: S) => v.array(item, 'array');
const int = (code: string, min: number, max: number) =>
  v.pipe(v.number(code), v.integer(code), v.minValue(min, code), v.maxValue(max, code));
const finite = () => v.pipe(v.number('number'), v.finite('number'));

export const PersonaSchema = v.object(
  {
    id: id(),
    name: trimmedName(LIMITS.nameLength),
    role: optText(),
    age: v.optional(int('ageRange', 0, 150)),
    gender: optText(),
    location: optText(),
    bio: optText(),
    quote: optText(),
    goals: v.optional(list(text())),
    frustrations: v.optional(list(text())),
    motivations: v.optional(list(text())),
    needs: v.optional(list(text())),
    tags: v.optional(list(text())),
    channels: v.optional(list(oneOf(CHANNELS))),
    color: v.optional(v.pipe(text(), v.regex(COLOR_PATTERN, 'color'))),
    // Checked field by field in validate.ts, where each wrong kind of avatar gets its own message.
    avatar: v.optional(v.unknown()),
  },
  'object',
);

export const StageSchema = v.object(
  { id: id(), name: trimmedName(LIMITS.nameLength), description: optText() },
  'object',
);

export const LaneSchema = v.object({ id: id(), kind: oneOf(LANE_KINDS), title: optText() }, 'object');

export const CardSchema = v.object(
  {
    id: id(),
    stageId: text(),
    laneId: text(),
    title: limited(LIMITS.cardTitleLength),
    notes: v.optional(limited(LIMITS.notesLength)),
    evidence: v.optional(oneOf(EVIDENCE)),
    channel: v.optional(oneOf(CHANNELS)),
    score: v.optional(int('scoreRange', SCORE_RANGE.min, SCORE_RANGE.max)),
    severity: v.optional(oneOf(SEVERITIES)),
    impact: v.optional(int('rating', 1, 3)),
    effort: v.optional(int('rating', 1, 3)),
    owner: optText(),
    status: v.optional(oneOf(OPPORTUNITY_STATUSES)),
    votes: v.optional(int('votes', 0, Number.MAX_SAFE_INTEGER)),
    metric: v.optional(oneOf(METRICS)),
    value: v.optional(finite()),
    target: v.optional(finite()),
    unit: optText(),
    kpiCardId: v.optional(id()),
  },
  'object',
);

export const ConnectionSchema = v.object(
  {
    id: id(),
    from: text(),
    to: text(),
    label: optText(),
    kind: v.optional(oneOf(CONNECTION_KINDS)),
  },
  'object',
);

export const JourneySchema = v.object(
  {
    id: id(),
    title: trimmedName(LIMITS.titleLength),
    description: optText(),
    scenario: optText(),
    personaId: v.optional(v.nullable(text())),
    state: v.optional(oneOf(JOURNEY_STATES)),
    currentStateId: v.optional(id()),
    stages: v.pipe(list(StageSchema), v.minLength(1, 'minItems')),
    lanes: v.pipe(list(LaneSchema), v.minLength(1, 'minItems')),
    cards: v.optional(list(CardSchema)),
    connections: v.optional(list(ConnectionSchema)),
  },
  'object',
);

export const DocumentSchema = v.object(
  {
    format: v.literal('journey-canvas', 'wrongFormat'),
    version: v.literal(1, 'badVersion'),
    exportedAt: v.optional(
      v.pipe(
        text(),
        v.check((s) => !Number.isNaN(Date.parse(s)), 'dateTime'),
      ),
    ),
    personas: v.optional(list(PersonaSchema)),
    journeys: list(JourneySchema),
  },
  'object',
);

export type FileJourney = v.InferOutput<typeof JourneySchema>;
export type FileDocument = v.InferOutput<typeof DocumentSchema>;
