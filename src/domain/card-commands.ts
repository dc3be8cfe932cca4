import { checkCardChanges, fitCardToKind, type CardChanges } from './card-fields';
import { DomainError, touchJourney, type Command } from './command';
import { cellCards, cellOrderKeys, removeCards } from './journey-parts';
import type { CardKindFields, CardRec, Evidence, Id, Workspace } from './types';

function laneKindOf(ws: Workspace, laneId: Id) {
  const lane = ws.lanes[laneId];
  if (!lane) throw new DomainError('laneMissing');
  return lane.kind;
}

function checkCell(ws: Workspace, journeyId: Id, stageId: Id, laneId: Id): void {
  if (ws.stages[stageId]?.journeyId !== journeyId) throw new DomainError('stageMissing');
  if (ws.lanes[laneId]?.journeyId !== journeyId) throw new DomainError('laneMissing');
}

export interface NewCard {
  id: Id;
  journeyId: Id;
  stageId: Id;
  laneId: Id;
  title?: string;
  /** Where in the cell; the end when absent. */
  index?: number;
}

export function addCard(input: NewCard): Command {
  return {
    name: 'addCard',
    run(draft, ctx) {
      checkCell(draft, input.journeyId, input.stageId, input.laneId);
      const siblings = cellCards(draft, input.stageId, input.laneId);
      const card: CardRec = {
        id: input.id,
        journeyId: input.journeyId,
        stageId: input.stageId,
        laneId: input.laneId,
        order: cellOrderKeys(draft, input.journeyId, siblings, input.index ?? siblings.length, 1)[0]!,
        title: input.title ?? '',
      };
      fitCardToKind(card, laneKindOf(draft, input.laneId));
      draft.cards[input.id] = card;
      touchJourney(draft, input.journeyId, ctx.now);
    },
  };
}

export function updateCard(cardId: Id, changes: CardChanges): Command {
  return {
    name: 'updateCard',
    run(draft, ctx) {
      const card = draft.cards[cardId];
      if (!card) throw new DomainError('cardMissing');
      checkCardChanges(laneKindOf(draft, card.laneId), changes);
      const rec = card as unknown as Record<string, unknown>;
      for (const [field, value] of Object.entries(changes)) {
        if (value === undefined || (field === 'notes' && value === '')) delete rec[field];
        else rec[field] = value;
      }
      touchJourney(draft, card.journeyId, ctx.now);
    },
  };
}

export function setEmotionScore(cardId: Id, score: number): Command {
  return { ...updateCard(cardId, { score: Math.max(-2, Math.min(2, Math.round(score))) }), name: 'setEmotionScore' };
}

/**
 * Moves cards, keeping their relative order, into a cell before `beforeCardId` (or at the end).
 * A card that changes lane takes the new lane's kind: other kinds' fields go, required ones are filled.
 */
export function moveCards(cardIds: readonly Id[], target: { stageId: Id; laneId: Id; index: number }): Command {
  return {
    name: 'moveCards',
    run(draft, ctx) {
      const first = draft.cards[cardIds[0] ?? ''];
      if (!first) throw new DomainError('cardMissing');
      const journeyId = first.journeyId;
      checkCell(draft, journeyId, target.stageId, target.laneId);
      const moving = new Set(cardIds);
      const cards = cardIds.map((id) => {
        const c = draft.cards[id];
        if (!c || c.journeyId !== journeyId) throw new DomainError('cardMissing');
        return c;
      });
      const stay = cellCards(draft, target.stageId, target.laneId).filter((c) => !moving.has(c.id));
      const keys = cellOrderKeys(draft, journeyId, stay, target.index, cards.length);
      const kind = laneKindOf(draft, target.laneId);
      cards.forEach((card, i) => {
        card.stageId = target.stageId;
        card.laneId = target.laneId;
        card.order = keys[i]!;
        fitCardToKind(card, kind);
      });
      touchJourney(draft, journeyId, ctx.now);
    },
  };
}

export function deleteCards(cardIds: readonly Id[]): Command {
  return {
    name: 'deleteCards',
    run(draft, ctx) {
      const journeys = new Set(cardIds.map((id) => draft.cards[id]?.journeyId).filter((j): j is Id => !!j));
      if (journeys.size === 0) throw new DomainError('cardMissing');
      removeCards(draft, new Set(cardIds));
      for (const j of journeys) touchJourney(draft, j, ctx.now);
    },
  };
}

/** What the clipboard holds of a card: its content, not its place. */
export type CardContent = Pick<CardRec, 'title' | 'notes'> & { evidence?: Evidence } & CardKindFields;

export function cardContent(card: CardRec): CardContent {
  const { id: _id, journeyId: _j, stageId: _s, laneId: _l, order: _o, ...content } = card;
  return content;
}

/** Puts copies of card contents into a cell at `index`; `newIds` names the copies. */
export function pasteCards(
  items: readonly CardContent[],
  target: { journeyId: Id; stageId: Id; laneId: Id; index: number },
  newIds: readonly Id[],
): Command {
  return {
    name: 'pasteCards',
    run(draft, ctx) {
      checkCell(draft, target.journeyId, target.stageId, target.laneId);
      const siblings = cellCards(draft, target.stageId, target.laneId);
      const keys = cellOrderKeys(draft, target.journeyId, siblings, target.index, items.length);
      const kind = laneKindOf(draft, target.laneId);
      items.forEach((content, i) => {
        const id = newIds[i];
        if (!id) throw new DomainError('idMissing');
        const card: CardRec = {
          ...content,
          id,
          journeyId: target.journeyId,
          stageId: target.stageId,
          laneId: target.laneId,
          order: keys[i]!,
        };
        fitCardToKind(card, kind);
        draft.cards[id] = card;
      });
      touchJourney(draft, target.journeyId, ctx.now);
    },
  };
}

/** Copies of the cards right after each original, in the same cell. */
export function duplicateCards(cardIds: readonly Id[], newIds: readonly Id[]): Command {
  return {
    name: 'duplicateCards',
    run(draft, ctx) {
      cardIds.forEach((id, i) => {
        const card = draft.cards[id];
        const newId = newIds[i];
        if (!card || !newId) throw new DomainError('cardMissing');
        const siblings = cellCards(draft, card.stageId, card.laneId);
        const at = siblings.findIndex((c) => c.id === id) + 1;
        draft.cards[newId] = { ...card, id: newId, order: cellOrderKeys(draft, card.journeyId, siblings, at, 1)[0]! };
        touchJourney(draft, card.journeyId, ctx.now);
      });
    },
  };
}
