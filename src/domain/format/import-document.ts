import type { Command, CommandContext } from '../command';
import { isSafeKey } from '../ids';
import { orderKeys } from '../order';
import {
  ALL_KIND_FIELDS,
  emptyWorkspace,
  JOURNEY_PART_TABLES,
  LIMITS,
  TABLES,
  type CardRec,
  type Id,
  type PersonaRec,
  type TableName,
  type Workspace,
} from '../types';
import { asAvatar } from './avatar';
import type { FileDocument } from './schema';

export interface ImportSummary {
  journeyIds: Id[];
  personaIds: Id[];
  /** Personas of the file equal to one already here, used instead of a copy. */
  reusedPersonaIds: Id[];
}

/** What is already in the workspace (memory and database) that an import must not clash with. */
export interface ImportTarget {
  taken(table: TableName, id: Id): boolean;
  /** Tables whose records always get a new id, whatever the file's id (see targetOf). */
  fresh?(table: TableName): boolean;
  personas: Iterable<PersonaRec>;
  journeyTitles: Iterable<string>;
}

export interface ImportPlan {
  /** Only the new records. */
  records: Workspace;
  summary: ImportSummary;
}

const PART_TABLES: ReadonlySet<TableName> = new Set(JOURNEY_PART_TABLES);

/**
 * A workspace wholly in memory as an import's target: the demo's seed into an empty database, a
 * browser without storage, a test. Where journeys are loaded one at a time, use `freshParts`.
 */
export function targetOf(ws: Workspace): ImportTarget {
  return {
    taken: (table, id) => Object.hasOwn(ws[table], id),
    personas: Object.values(ws.personas),
    journeyTitles: Object.values(ws.journeys).map((j) => j.title),
  };
}

/**
 * Memory as the target of a plan made inside a command while journeys load one at a time: every
 * persona and journey is in memory, but a journey's parts only once it is opened, so an id that
 * looks free in memory may be a stored part of a journey not read. Every part gets a fresh id.
 */
export function freshParts(ws: Workspace): ImportTarget {
  return { ...targetOf(ws), fresh: (table) => PART_TABLES.has(table) };
}

export const emptySummary = (): ImportSummary => ({ journeyIds: [], personaIds: [], reusedPersonaIds: [] });

/** A persona's content, without what differs between two copies of the same person. */
function personaKey(p: PersonaRec): string {
  const { id: _id, updatedAt: _at, ...content } = p;
  return JSON.stringify(Object.entries(content).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** "Name", then "Name (2)", "Name (3)"…: the first not in `used`, within `max` characters. */
export function distinctName(name: string, used: ReadonlySet<string>, max: number): string {
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate =
      Array.from(name)
        .slice(0, max - suffix.length)
        .join('')
        .trimEnd() + suffix;
    if (!used.has(candidate)) return candidate;
  }
}

/**
 * The records a validated document becomes, beside what `target` holds. Nothing is overwritten:
 * an id that is taken (or unsafe as an object key) is replaced, and references inside the file
 * follow. A persona equal in every field to one already here is reused; another with a name
 * already used arrives as "Name (2)", and so does a journey whose title exists.
 */
export function planImport(doc: FileDocument, ctx: CommandContext, target: ImportTarget): ImportPlan {
  const steps = planSteps(doc, ctx, target);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** planImport a journey at a time: the caller may let the page breathe between two steps. */
export function* planSteps(doc: FileDocument, ctx: CommandContext, target: ImportTarget): Generator<void, ImportPlan> {
  const records = emptyWorkspace();
  const summary = emptySummary();
  const claim = (table: TableName, wanted: Id): Id => {
    let id = target.fresh?.(table) ? ctx.newId() : wanted;
    while (!isSafeKey(id) || target.taken(table, id) || Object.hasOwn(records[table], id)) id = ctx.newId();
    return id;
  };
  const existingByContent = new Map<string, Id>();
  const personaNames = new Set<string>();
  for (const p of target.personas) {
    existingByContent.set(personaKey(p), p.id);
    personaNames.add(p.name);
  }
  const titles = new Set(target.journeyTitles);

  const personaMap = new Map<Id, Id>();
  for (const p of doc.personas ?? []) {
    const rec: PersonaRec = stripUndefined({
      id: p.id,
      name: p.name.trim(),
      role: p.role,
      age: p.age,
      gender: p.gender,
      location: p.location,
      bio: p.bio,
      quote: p.quote,
      goals: p.goals ?? [],
      frustrations: p.frustrations ?? [],
      motivations: p.motivations ?? [],
      needs: p.needs ?? [],
      tags: p.tags ?? [],
      channels: p.channels ?? [],
      color: p.color,
      avatar: asAvatar(p.avatar),
      updatedAt: ctx.now,
    });
    const same = existingByContent.get(personaKey(rec));
    if (same !== undefined) {
      personaMap.set(p.id, same);
      summary.reusedPersonaIds.push(same);
      continue;
    }
    const id = claim('personas', p.id);
    personaMap.set(p.id, id);
    rec.id = id;
    rec.name = distinctName(rec.name, personaNames, LIMITS.nameLength);
    personaNames.add(rec.name);
    existingByContent.set(personaKey(rec), id);
    records.personas[id] = rec;
    summary.personaIds.push(id);
  }

  const journeyMap = new Map<Id, Id>();
  for (const j of doc.journeys) {
    const journeyId = claim('journeys', j.id);
    journeyMap.set(j.id, journeyId);
    const title = distinctName(j.title.trim(), titles, LIMITS.titleLength);
    titles.add(title);
    summary.journeyIds.push(journeyId);
    records.journeys[journeyId] = stripUndefined({
      id: journeyId,
      title,
      description: j.description,
      scenario: j.scenario,
      personaId: j.personaId != null ? (personaMap.get(j.personaId) ?? null) : null,
      state: j.state,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    const local = new Map<string, Id>();
    const map = (table: TableName, old: Id) => {
      const id = claim(table, old);
      local.set(`${table}:${old}`, id);
      return id;
    };
    const ref = (table: keyof Workspace, old: Id) => local.get(`${table}:${old}`)!;

    const stageOrder = orderKeys(j.stages.length);
    j.stages.forEach((s, i) => {
      const id = map('stages', s.id);
      records.stages[id] = stripUndefined({
        id,
        journeyId,
        order: stageOrder[i]!,
        name: s.name.trim(),
        description: s.description,
      });
    });
    const laneOrder = orderKeys(j.lanes.length);
    j.lanes.forEach((l, i) => {
      const id = map('lanes', l.id);
      records.lanes[id] = stripUndefined({ id, journeyId, order: laneOrder[i]!, kind: l.kind, title: l.title });
    });
    const cards = j.cards ?? [];
    const cardOrder = orderKeys(cards.length);
    cards.forEach((c, i) => {
      const id = map('cards', c.id);
      const rec: CardRec = {
        id,
        journeyId,
        stageId: ref('stages', c.stageId),
        laneId: ref('lanes', c.laneId),
        order: cardOrder[i]!,
        title: c.title,
        notes: c.notes,
        evidence: c.evidence,
      };
      for (const f of ALL_KIND_FIELDS) if (c[f] !== undefined) (rec as unknown as Record<string, unknown>)[f] = c[f];
      records.cards[id] = stripUndefined(rec);
    });
    // A KPI may be a later card of the journey: its new id is known only now.
    for (const c of cards)
      if (c.kpiCardId !== undefined) records.cards[ref('cards', c.id)]!.kpiCardId = ref('cards', c.kpiCardId);
    const connections = j.connections ?? [];
    const xOrder = orderKeys(connections.length);
    connections.forEach((x, i) => {
      const id = map('connections', x.id);
      records.connections[id] = stripUndefined({
        id,
        journeyId,
        order: xOrder[i]!,
        from: ref('cards', x.from),
        to: ref('cards', x.to),
        label: x.label,
        kind: x.kind,
      });
    });
    yield;
  }
  // A future state's current state may come in the same file (its id may have changed), or be
  // here already (a future state exported on its own, brought back); otherwise the link goes.
  for (const j of doc.journeys) {
    if (j.currentStateId === undefined) continue;
    const rec = records.journeys[journeyMap.get(j.id)!]!;
    const linked = journeyMap.get(j.currentStateId);
    if (linked !== undefined) rec.currentStateId = linked;
    else if (target.taken('journeys', j.currentStateId)) rec.currentStateId = j.currentStateId;
  }
  return { records, summary };
}

/** Adds every persona and journey of a validated document to the workspace (see planImport). */
export function importDocument(doc: FileDocument, summary: ImportSummary = emptySummary()): Command {
  return {
    name: 'importDocument',
    run(draft, ctx) {
      const plan = planImport(doc, ctx, targetOf(draft));
      addRecords(plan.records).run(draft, ctx);
      summary.journeyIds.push(...plan.summary.journeyIds);
      summary.personaIds.push(...plan.summary.personaIds);
      summary.reusedPersonaIds.push(...plan.summary.reusedPersonaIds);
    },
  };
}

/** Puts records planned (and perhaps already stored) by an import into the workspace. */
export function addRecords(records: Workspace): Command {
  return {
    name: 'importDocument',
    run(draft) {
      for (const table of TABLES) Object.assign(draft[table], records[table]);
    },
  };
}

/** IndexedDB stores `undefined` fields as present; leaving them out keeps records and exports tidy. */
function stripUndefined<T extends object>(rec: T): T {
  const r = rec as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return rec;
}
