import { DomainError, touchJourney, type Command } from './command';
import { orderKeys } from './order';
import { JOURNEY_PART_TABLES, LIMITS, type Id, type LaneKind, type Workspace } from './types';

/** Returns the trimmed title, or throws a DomainError the UI can name. */
export function checkTitle(title: string, max: number = LIMITS.titleLength): string {
  const t = title.trim();
  if (t.length === 0) throw new DomainError('titleRequired');
  if (t.length > max) throw new DomainError('titleTooLong', { max });
  return t;
}

export interface NewJourney {
  id: Id;
  title: string;
  personaId: Id | null;
  stageNames: readonly string[];
  laneKinds: readonly LaneKind[];
}

export function createJourney(input: NewJourney): Command {
  return {
    name: 'createJourney',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const title = checkTitle(input.title);
      if (draft.journeys[input.id]) throw new DomainError('idExists');
      const personaId = input.personaId && draft.personas[input.personaId] ? input.personaId : null;
      draft.journeys[input.id] = { id: input.id, title, personaId, createdAt: ctx.now, updatedAt: ctx.now };
      const stageOrders = orderKeys(input.stageNames.length);
      input.stageNames.forEach((name, i) => {
        const id = ctx.newId();
        draft.stages[id] = { id, journeyId: input.id, order: stageOrders[i]!, name };
      });
      const laneOrders = orderKeys(input.laneKinds.length);
      input.laneKinds.forEach((kind, i) => {
        const id = ctx.newId();
        draft.lanes[id] = { id, journeyId: input.id, order: laneOrders[i]!, kind };
      });
    },
  };
}

export function renameJourney(journeyId: Id, title: string): Command {
  return {
    name: 'renameJourney',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const clean = checkTitle(title);
      const j = draft.journeys[journeyId];
      if (!j) throw new DomainError('journeyMissing');
      j.title = clean;
      touchJourney(draft, journeyId, ctx.now);
    },
  };
}

/** Lane kinds whose cards describe the situation rather than one person's experience of it. */
export const SHARED_KINDS: readonly LaneKind[] = ['actions', 'touchpoints', 'goals', 'backstage'];

/**
 * A deep copy with fresh ids for every record; references inside follow the new ids. Journey
 * records are flat, so a spread copies them whole (structuredClone cannot read immer drafts).
 * With `only`, just the cards of those lane kinds are copied (every lane still is), and only the
 * connections between copied cards.
 */
export function duplicateJourney(
  sourceId: Id,
  newId: Id,
  title: string,
  options: { personaId?: Id | null; only?: readonly LaneKind[] } = {},
): Command {
  return {
    name: 'duplicateJourney',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const clean = checkTitle(title);
      const src = draft.journeys[sourceId];
      if (!src) throw new DomainError('journeyMissing');
      if (options.personaId && !draft.personas[options.personaId]) throw new DomainError('personaMissing');
      const personaId = options.personaId !== undefined ? options.personaId : src.personaId;
      draft.journeys[newId] = { ...src, id: newId, title: clean, personaId, createdAt: ctx.now, updatedAt: ctx.now };
      const idMap = new Map<Id, Id>();
      const mapId = (old: Id) => {
        let id = idMap.get(old);
        if (!id) {
          id = ctx.newId();
          idMap.set(old, id);
        }
        return id;
      };
      for (const s of Object.values(draft.stages)) {
        if (s.journeyId !== sourceId) continue;
        const id = mapId(s.id);
        draft.stages[id] = { ...s, id, journeyId: newId };
      }
      for (const l of Object.values(draft.lanes)) {
        if (l.journeyId !== sourceId) continue;
        const id = mapId(l.id);
        draft.lanes[id] = { ...l, id, journeyId: newId };
      }
      for (const c of Object.values(draft.cards)) {
        if (c.journeyId !== sourceId) continue;
        if (options.only && !options.only.includes(draft.lanes[c.laneId]!.kind)) continue;
        const id = mapId(c.id);
        draft.cards[id] = { ...c, id, journeyId: newId, stageId: mapId(c.stageId), laneId: mapId(c.laneId) };
      }
      // An opportunity's KPI follows it to the copy of its metric card (or goes, if not copied):
      // a copy never measures itself by another journey's card.
      for (const oldId of idMap.keys()) {
        const card = draft.cards[idMap.get(oldId)!];
        if (card?.journeyId !== newId || card.kpiCardId === undefined) continue;
        const kpi = idMap.get(card.kpiCardId);
        if (kpi && draft.cards[kpi]) card.kpiCardId = kpi;
        else delete card.kpiCardId;
      }
      for (const x of Object.values(draft.connections)) {
        if (x.journeyId !== sourceId) continue;
        if (!idMap.has(x.from) || !idMap.has(x.to)) continue;
        const id = mapId(x.id);
        draft.connections[id] = { ...x, id, journeyId: newId, from: mapId(x.from), to: mapId(x.to) };
      }
      // Vote rounds follow the cards: each tally moves to the copy of its card, a tally of a card
      // not copied is dropped, and so is a round left with no tally that had some.
      const copy = draft.journeys[newId];
      const rounds = (src.voteRounds ?? []).flatMap((round) => {
        const tallies: Record<Id, number> = {};
        for (const [cardId, n] of Object.entries(round.tallies)) {
          const id = draft.cards[cardId]?.journeyId === sourceId ? idMap.get(cardId) : undefined;
          if (id) tallies[id] = n;
        }
        const emptied = Object.keys(tallies).length === 0 && Object.keys(round.tallies).length > 0;
        return emptied ? [] : [{ ...round, kinds: [...round.kinds], tallies }];
      });
      if (rounds.length) copy.voteRounds = rounds;
      else delete copy.voteRounds;
    },
  };
}

export function deleteJourney(journeyId: Id): Command {
  return {
    name: 'deleteJourney',
    run(draft) {
      if (!draft.journeys[journeyId]) throw new DomainError('journeyMissing');
      delete draft.journeys[journeyId];
      for (const table of JOURNEY_PART_TABLES) {
        const records = draft[table] as Workspace[typeof table];
        for (const [id, rec] of Object.entries(records)) if (rec.journeyId === journeyId) delete records[id];
      }
    },
  };
}

export interface JourneyChanges {
  title?: string;
  scenario?: string;
  personaId?: Id | null;
}

export function updateJourney(journeyId: Id, changes: JourneyChanges): Command {
  const title = changes.title !== undefined ? checkTitle(changes.title) : undefined;
  return {
    name: 'updateJourney',
    run(draft, ctx) {
      const j = draft.journeys[journeyId];
      if (!j) throw new DomainError('journeyMissing');
      if (title !== undefined) j.title = title;
      if (changes.scenario !== undefined) {
        if (changes.scenario.trim()) j.scenario = changes.scenario;
        else delete j.scenario;
      }
      if (changes.personaId !== undefined) {
        if (changes.personaId !== null && !draft.personas[changes.personaId]) throw new DomainError('personaMissing');
        j.personaId = changes.personaId;
      }
      touchJourney(draft, journeyId, ctx.now);
    },
  };
}
