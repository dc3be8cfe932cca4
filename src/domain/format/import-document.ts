import type { Command } from '../command';
import { isSafeKey } from '../ids';
import { orderKeys } from '../order';
import { ALL_KIND_FIELDS, type CardRec, type Id, type Workspace } from '../types';
import { asAvatar } from './avatar';
import type { FileDocument } from './schema';

export interface ImportSummary {
  journeyIds: Id[];
  personaIds: Id[];
}

/**
 * Adds every persona and journey of a validated document. Nothing is overwritten: an id that is
 * taken (or unsafe as an object key) is replaced, and references inside the file follow.
 */
export function importDocument(doc: FileDocument, summary: ImportSummary = { journeyIds: [], personaIds: [] }): Command {
  return {
    name: 'importDocument',
    run(draft, ctx) {
      const claim = (table: Record<Id, unknown>, wanted: Id): Id =>
        isSafeKey(wanted) && !Object.hasOwn(table, wanted) ? wanted : ctx.newId();

      const personaMap = new Map<Id, Id>();
      for (const p of doc.personas ?? []) {
        const id = claim(draft.personas, p.id);
        personaMap.set(p.id, id);
        draft.personas[id] = stripUndefined({
          id,
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
        summary.personaIds.push(id);
      }

      for (const j of doc.journeys) {
        const journeyId = claim(draft.journeys, j.id);
        summary.journeyIds.push(journeyId);
        draft.journeys[journeyId] = stripUndefined({
          id: journeyId,
          title: j.title.trim(),
          description: j.description,
          scenario: j.scenario,
          personaId: j.personaId != null ? (personaMap.get(j.personaId) ?? null) : null,
          state: j.state,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        });
        const local = new Map<string, Id>();
        const map = (table: keyof Workspace, old: Id) => {
          const id = claim(draft[table], old);
          local.set(`${table}:${old}`, id);
          return id;
        };
        const ref = (table: keyof Workspace, old: Id) => local.get(`${table}:${old}`)!;

        const stageOrder = orderKeys(j.stages.length);
        j.stages.forEach((s, i) => {
          const id = map('stages', s.id);
          draft.stages[id] = stripUndefined({ id, journeyId, order: stageOrder[i]!, name: s.name.trim(), description: s.description });
        });
        const laneOrder = orderKeys(j.lanes.length);
        j.lanes.forEach((l, i) => {
          const id = map('lanes', l.id);
          draft.lanes[id] = stripUndefined({ id, journeyId, order: laneOrder[i]!, kind: l.kind, title: l.title });
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
          draft.cards[id] = stripUndefined(rec);
        });
        const connections = j.connections ?? [];
        const xOrder = orderKeys(connections.length);
        connections.forEach((x, i) => {
          const id = map('connections', x.id);
          draft.connections[id] = stripUndefined({
            id,
            journeyId,
            order: xOrder[i]!,
            from: ref('cards', x.from),
            to: ref('cards', x.to),
            label: x.label,
            kind: x.kind,
          });
        });
      }
    },
  };
}

/** IndexedDB stores `undefined` fields as present; leaving them out keeps records and exports tidy. */
function stripUndefined<T extends object>(rec: T): T {
  const r = rec as Record<string, unknown>;
  for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k];
  return rec;
}
