/** Records of the workspace, keyed by id. Arrays of the file format become `order` keys here. */
export type Id = string;

export const LANE_KINDS = [
  'actions',
  'touchpoints',
  'goals',
  'thoughts',
  'emotions',
  'painPoints',
  'opportunities',
  'metrics',
  'backstage',
  'notes',
] as const;
export type LaneKind = (typeof LANE_KINDS)[number];

export const CHANNELS = [
  'web',
  'mobileApp',
  'email',
  'phone',
  'chat',
  'chatbot',
  'sms',
  'messaging',
  'social',
  'store',
  'video',
  'community',
  'selfService',
  'form',
  'mail',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const EVIDENCE = ['observed', 'reported', 'assumed'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'doing', 'done'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const METRICS = ['NPS', 'CSAT', 'CES', 'churn', 'FCR', 'FRT', 'ART', 'CLV', 'custom'] as const;
export type Metric = (typeof METRICS)[number];

/** Which way a measure improves. */
export const METRIC_BETTER = ['higher', 'lower'] as const;
export type MetricBetter = (typeof METRIC_BETTER)[number];

export const CONNECTION_KINDS = ['flow', 'alternative', 'dropoff'] as const;
export type ConnectionKind = (typeof CONNECTION_KINDS)[number];

export const JOURNEY_STATES = ['current', 'future'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

export type Avatar = { emoji: string } | { image: string };

export interface PersonaRec {
  id: Id;
  name: string;
  role?: string;
  age?: number;
  gender?: string;
  location?: string;
  bio?: string;
  quote?: string;
  goals: string[];
  frustrations: string[];
  motivations: string[];
  needs: string[];
  tags: string[];
  channels: Channel[];
  color?: string;
  avatar?: Avatar;
  updatedAt: number;
}

export interface JourneyRec {
  id: Id;
  title: string;
  description?: string;
  scenario?: string;
  personaId: Id | null;
  state?: JourneyState;
  /** On a future-state map: the current-state journey it was made from (it may be absent). */
  currentStateId?: Id;
  /**
   * The dot votes closed on this journey, oldest first. Kept in the workspace and in a live
   * room's journey record, never in the journey file (which has votes on opportunities only).
   */
  voteRounds?: VoteRound[];
  createdAt: number;
  updatedAt: number;
}

/** The lane kinds a dot vote may be held on. */
export const VOTE_KINDS = ['painPoints', 'opportunities'] as const;
export type VoteKind = (typeof VOTE_KINDS)[number];

/** A journey keeps its latest this many vote rounds. */
export const VOTE_ROUNDS_MAX = 200;
/** The most dots a card is counted in one round (a live vote gives at most 10 dots to each of 200 people). */
export const VOTE_TALLY_MAX = 10_000;

/** One closed dot vote: when it closed, what it was on, and each card's dots (cards with none left out). */
export interface VoteRound {
  id: Id;
  closedAt: number;
  kinds: VoteKind[];
  /** Card id → the dots it got in this round. */
  tallies: Record<Id, number>;
}

export interface StageRec {
  id: Id;
  journeyId: Id;
  order: string;
  name: string;
  description?: string;
}

export interface LaneRec {
  id: Id;
  journeyId: Id;
  order: string;
  kind: LaneKind;
  title?: string;
}

/** Fields a card may hold besides the common ones; which apply depends on its lane's kind. */
export interface CardKindFields {
  channel?: Channel;
  score?: number;
  severity?: Severity;
  impact?: number;
  effort?: number;
  owner?: string;
  status?: OpportunityStatus;
  votes?: number;
  metric?: Metric;
  value?: number;
  target?: number;
  unit?: string;
  /**
   * A custom metric's direction, as chosen in Card details (named measures know theirs). Kept in
   * the workspace and in a live room, never in the journey file, whose format has no such field.
   */
  better?: MetricBetter;
  /** On an opportunity: the metric card of the same journey that measures it. */
  kpiCardId?: Id;
}

export interface CardRec extends CardKindFields {
  id: Id;
  journeyId: Id;
  stageId: Id;
  laneId: Id;
  order: string;
  title: string;
  notes?: string;
  evidence?: Evidence;
}

export interface ConnectionRec {
  id: Id;
  journeyId: Id;
  order: string;
  from: Id;
  to: Id;
  label?: string;
  kind?: ConnectionKind;
}

export interface Workspace {
  personas: Record<Id, PersonaRec>;
  journeys: Record<Id, JourneyRec>;
  stages: Record<Id, StageRec>;
  lanes: Record<Id, LaneRec>;
  cards: Record<Id, CardRec>;
  connections: Record<Id, ConnectionRec>;
}

export type TableName = keyof Workspace;
export const TABLES: readonly TableName[] = ['personas', 'journeys', 'stages', 'lanes', 'cards', 'connections'];

/** Records that belong to one journey (everything but personas and journeys). */
export type JourneyPartTable = 'stages' | 'lanes' | 'cards' | 'connections';
export const JOURNEY_PART_TABLES: readonly JourneyPartTable[] = ['stages', 'lanes', 'cards', 'connections'];

export function emptyWorkspace(): Workspace {
  return { personas: {}, journeys: {}, stages: {}, lanes: {}, cards: {}, connections: {} };
}

/** The fields each lane kind's cards may carry beyond the common ones. */
export const KIND_FIELDS: Record<LaneKind, readonly (keyof CardKindFields)[]> = {
  actions: [],
  touchpoints: ['channel'],
  goals: [],
  thoughts: [],
  emotions: ['score'],
  painPoints: ['severity'],
  opportunities: ['impact', 'effort', 'owner', 'status', 'votes', 'kpiCardId'],
  metrics: ['metric', 'value', 'target', 'unit', 'better'],
  backstage: [],
  notes: [],
};

/** The kind fields of the file format (and of the map's CSV); `better` is the workspace's own. */
export type FileKindField = Exclude<keyof CardKindFields, 'better'>;
export const ALL_KIND_FIELDS: readonly FileKindField[] = [
  'channel',
  'score',
  'severity',
  'impact',
  'effort',
  'owner',
  'status',
  'votes',
  'metric',
  'value',
  'target',
  'unit',
  'kpiCardId',
];

export const LIMITS = {
  idLength: 100,
  titleLength: 200,
  nameLength: 200,
  cardTitleLength: 500,
  notesLength: 20_000,
  /** The format sets no limit; the editor keeps a scenario to the length of a card's notes. */
  scenarioLength: 20_000,
  // Fields the format leaves open; the editor keeps them to a length a card or a slide can show.
  connectionLabelLength: 200,
  ownerLength: 200,
  unitLength: 50,
  personaTextLength: 200,
  genderLength: 100,
  quoteLength: 500,
  bioLength: 5000,
  listItemLength: 500,
  avatarBytes: 1024 * 1024,
  fileBytes: 50 * 1024 * 1024,
  maxReportedErrors: 20,
  ageMax: 150,
} as const;

/** An emotion score, from very negative to very positive. */
export const SCORE_RANGE = { min: -2, max: 2 } as const;
export const SCORES = [-2, -1, 0, 1, 2] as const;

/** A colour as the format writes it: # and six hexadecimal digits. */
export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
export const isColor = (s: string): boolean => COLOR_PATTERN.test(s);
