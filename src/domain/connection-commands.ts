import { DomainError, touchJourney, type Command } from './command';
import { orderAtIndex, sortByOrder } from './order';
import { LIMITS, type ConnectionKind, type Id } from './types';

export function addConnection(input: { id: Id; from: Id; to: Id; kind?: ConnectionKind; label?: string }): Command {
  return {
    name: 'addConnection',
    run(draft, ctx) {
      const from = draft.cards[input.from];
      const to = draft.cards[input.to];
      if (!from || !to) throw new DomainError('cardMissing');
      if (from.id === to.id) throw new DomainError('selfConnection');
      if (from.journeyId !== to.journeyId) throw new DomainError('otherJourney');
      const existing = sortByOrder(Object.values(draft.connections).filter((x) => x.journeyId === from.journeyId));
      if (existing.some((x) => x.from === from.id && x.to === to.id)) throw new DomainError('connectionExists');
      draft.connections[input.id] = {
        id: input.id,
        journeyId: from.journeyId,
        order: orderAtIndex(existing, existing.length),
        from: from.id,
        to: to.id,
        ...(input.kind && input.kind !== 'flow' ? { kind: input.kind } : {}),
        ...(input.label?.trim() ? { label: input.label.trim() } : {}),
      };
      touchJourney(draft, from.journeyId, ctx.now);
    },
  };
}

export function updateConnection(connectionId: Id, changes: { label?: string; kind?: ConnectionKind }): Command {
  if (changes.label !== undefined && changes.label.length > LIMITS.nameLength)
    throw new DomainError('titleTooLong', { max: LIMITS.nameLength });
  return {
    name: 'updateConnection',
    run(draft, ctx) {
      const x = draft.connections[connectionId];
      if (!x) throw new DomainError('connectionMissing');
      if (changes.label !== undefined) {
        if (changes.label.trim()) x.label = changes.label;
        else delete x.label;
      }
      if (changes.kind !== undefined) x.kind = changes.kind;
      touchJourney(draft, x.journeyId, ctx.now);
    },
  };
}

export function deleteConnection(connectionId: Id): Command {
  return {
    name: 'deleteConnection',
    run(draft, ctx) {
      const x = draft.connections[connectionId];
      if (!x) throw new DomainError('connectionMissing');
      delete draft.connections[connectionId];
      touchJourney(draft, x.journeyId, ctx.now);
    },
  };
}
