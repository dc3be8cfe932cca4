import { DomainError, touchJourney, type Command } from './command';
import { checkTitle } from './journey-commands';
import { cardsWhere, lanesOf, removeCards, stagesOf } from './journey-parts';
import { orderAtIndex } from './order';
import { LIMITS, type Id, type LaneKind } from './types';

export function addStage(input: { id: Id; journeyId: Id; name: string; afterStageId?: Id | null }): Command {
  return {
    name: 'addStage',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const name = checkTitle(input.name, LIMITS.nameLength);
      if (!draft.journeys[input.journeyId]) throw new DomainError('journeyMissing');
      const stages = stagesOf(draft, input.journeyId);
      const after = input.afterStageId ? stages.findIndex((s) => s.id === input.afterStageId) : -1;
      const index = after >= 0 ? after + 1 : stages.length;
      draft.stages[input.id] = { id: input.id, journeyId: input.journeyId, order: orderAtIndex(stages, index), name };
      touchJourney(draft, input.journeyId, ctx.now);
    },
  };
}

export function renameStage(stageId: Id, name: string): Command {
  return {
    name: 'renameStage',
    run(draft, ctx) {
      // Checked when run, so a refusal reaches the runner like any other.
      const clean = checkTitle(name, LIMITS.nameLength);
      const stage = draft.stages[stageId];
      if (!stage) throw new DomainError('stageMissing');
      stage.name = clean;
      touchJourney(draft, stage.journeyId, ctx.now);
    },
  };
}

/** Puts the stage at `toIndex` of the journey's columns (counted without the stage itself). */
export function moveStage(stageId: Id, toIndex: number): Command {
  return {
    name: 'moveStage',
    run(draft, ctx) {
      const stage = draft.stages[stageId];
      if (!stage) throw new DomainError('stageMissing');
      const others = stagesOf(draft, stage.journeyId).filter((s) => s.id !== stageId);
      stage.order = orderAtIndex(others, toIndex);
      touchJourney(draft, stage.journeyId, ctx.now);
    },
  };
}

/** Removes the stage with its cards and their connections; a journey keeps at least one stage. */
export function deleteStage(stageId: Id): Command {
  return {
    name: 'deleteStage',
    run(draft, ctx) {
      const stage = draft.stages[stageId];
      if (!stage) throw new DomainError('stageMissing');
      if (stagesOf(draft, stage.journeyId).length <= 1) throw new DomainError('lastStage');
      removeCards(
        draft,
        cardsWhere(draft, (c) => c.stageId === stageId),
      );
      delete draft.stages[stageId];
      touchJourney(draft, stage.journeyId, ctx.now);
    },
  };
}

export function addLane(input: { id: Id; journeyId: Id; kind: LaneKind; afterLaneId?: Id | null }): Command {
  return {
    name: 'addLane',
    run(draft, ctx) {
      if (!draft.journeys[input.journeyId]) throw new DomainError('journeyMissing');
      const lanes = lanesOf(draft, input.journeyId);
      if (input.kind !== 'notes' && lanes.some((l) => l.kind === input.kind))
        throw new DomainError('laneKindExists', { kind: input.kind });
      const after = input.afterLaneId ? lanes.findIndex((l) => l.id === input.afterLaneId) : -1;
      const index = after >= 0 ? after + 1 : lanes.length;
      draft.lanes[input.id] = {
        id: input.id,
        journeyId: input.journeyId,
        order: orderAtIndex(lanes, index),
        kind: input.kind,
      };
      touchJourney(draft, input.journeyId, ctx.now);
    },
  };
}

/** An empty title gives the lane back its kind's name (in the reader's language). */
export function renameLane(laneId: Id, title: string): Command {
  const clean = title.trim();
  if (clean.length > LIMITS.nameLength) throw new DomainError('titleTooLong', { max: LIMITS.nameLength });
  return {
    name: 'renameLane',
    run(draft, ctx) {
      const lane = draft.lanes[laneId];
      if (!lane) throw new DomainError('laneMissing');
      if (clean) lane.title = clean;
      else delete lane.title;
      touchJourney(draft, lane.journeyId, ctx.now);
    },
  };
}

export function moveLane(laneId: Id, toIndex: number): Command {
  return {
    name: 'moveLane',
    run(draft, ctx) {
      const lane = draft.lanes[laneId];
      if (!lane) throw new DomainError('laneMissing');
      const others = lanesOf(draft, lane.journeyId).filter((l) => l.id !== laneId);
      lane.order = orderAtIndex(others, toIndex);
      touchJourney(draft, lane.journeyId, ctx.now);
    },
  };
}

export function deleteLane(laneId: Id): Command {
  return {
    name: 'deleteLane',
    run(draft, ctx) {
      const lane = draft.lanes[laneId];
      if (!lane) throw new DomainError('laneMissing');
      if (lanesOf(draft, lane.journeyId).length <= 1) throw new DomainError('lastLane');
      removeCards(
        draft,
        cardsWhere(draft, (c) => c.laneId === laneId),
      );
      delete draft.lanes[laneId];
      touchJourney(draft, lane.journeyId, ctx.now);
    },
  };
}
