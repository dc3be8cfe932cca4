import { KIND_FIELDS, ALL_KIND_FIELDS, type LaneKind } from '../types';
import { checkAvatar } from './avatar';
import { formatPath, type FormatIssue, type PathSegment } from './issues';
import type { FileDocument, FileJourney } from './schema';

/** Rules that need more than one field at a time: unique ids, references, kinds of cards. */
export function validateDocument(doc: FileDocument): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const add = (path: PathSegment[], code: string, params?: FormatIssue['params']) =>
    issues.push(params ? { path: formatPath(path), code, params } : { path: formatPath(path), code });

  const personas = doc.personas ?? [];
  if (personas.length === 0 && doc.journeys.length === 0) add([], 'emptyDocument');

  const personaIds = new Set<string>();
  personas.forEach((p, i) => {
    if (personaIds.has(p.id)) add(['personas', i, 'id'], 'duplicateId', { id: p.id });
    personaIds.add(p.id);
    if (p.avatar !== undefined) {
      const code = checkAvatar(p.avatar);
      if (code) add(['personas', i, 'avatar'], code);
    }
  });

  const journeyIds = new Set<string>();
  doc.journeys.forEach((j, ji) => {
    const at = ['journeys', ji] as PathSegment[];
    if (journeyIds.has(j.id)) add([...at, 'id'], 'duplicateId', { id: j.id });
    journeyIds.add(j.id);
    if (j.personaId != null && !personaIds.has(j.personaId))
      add([...at, 'personaId'], 'unknownPersona', { id: j.personaId });
    validateJourney(j, at, add);
  });
  return issues;
}

function validateJourney(
  j: FileJourney,
  at: PathSegment[],
  add: (path: PathSegment[], code: string, params?: FormatIssue['params']) => void,
): void {
  const unique = (items: readonly { id: string }[], table: string): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([...at, table, i, 'id'], 'duplicateId', { id: item.id });
      seen.add(item.id);
    });
    return seen;
  };
  const stageIds = unique(j.stages, 'stages');
  unique(j.lanes, 'lanes');
  const laneKinds = new Map<string, LaneKind>();
  const kindsSeen = new Set<LaneKind>();
  j.lanes.forEach((lane, i) => {
    laneKinds.set(lane.id, lane.kind);
    if (lane.kind !== 'notes' && kindsSeen.has(lane.kind))
      add([...at, 'lanes', i, 'kind'], 'duplicateLaneKind', { kind: lane.kind });
    kindsSeen.add(lane.kind);
  });

  const cards = j.cards ?? [];
  const cardIds = unique(cards, 'cards');
  cards.forEach((card, i) => {
    const here = [...at, 'cards', i];
    if (!stageIds.has(card.stageId)) add([...here, 'stageId'], 'unknownStage', { id: card.stageId });
    const kind = laneKinds.get(card.laneId);
    if (!kind) {
      add([...here, 'laneId'], 'unknownLane', { id: card.laneId });
      return;
    }
    const allowed = KIND_FIELDS[kind];
    for (const field of ALL_KIND_FIELDS) {
      if (card[field] !== undefined && !allowed.includes(field))
        add([...here, field], 'fieldNotForKind', { field, kind });
    }
    if (kind === 'emotions' && card.score === undefined) add([...here, 'score'], 'scoreRequired');
    if (kind === 'metrics' && card.metric === undefined) add([...here, 'metric'], 'metricRequired');
  });
  cards.forEach((card, i) => {
    if (card.kpiCardId === undefined) return;
    const kpi = cards.find((c) => c.id === card.kpiCardId);
    if (!kpi || laneKinds.get(kpi.laneId) !== 'metrics')
      add([...at, 'cards', i, 'kpiCardId'], 'kpiNotMetric', { id: card.kpiCardId });
  });
  if (j.currentStateId === j.id) add([...at, 'currentStateId'], 'currentStateSelf');

  const connections = j.connections ?? [];
  unique(connections, 'connections');
  connections.forEach((x, i) => {
    const here = [...at, 'connections', i];
    if (!cardIds.has(x.from)) add([...here, 'from'], 'unknownCard', { id: x.from });
    if (!cardIds.has(x.to)) add([...here, 'to'], 'unknownCard', { id: x.to });
    if (x.from === x.to) add([...here, 'to'], 'selfConnection');
  });
}
