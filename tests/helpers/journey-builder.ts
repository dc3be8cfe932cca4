import type { JourneyParts } from '../../src/domain/queries';
import type { CardKindFields, LaneKind } from '../../src/domain/types';

type CardSpec = { stage: string; kind: LaneKind; title: string } & CardKindFields;

/**
 * A journey's parts from stage names and cards given by stage name and lane kind: one lane per
 * kind used, ids made from the journey's id. For pure functions that read journeys.
 */
export function journeyOf(id: string, stageNames: string[], cards: CardSpec[], persona?: string): JourneyParts {
  const kinds = [...new Set(cards.map((c) => c.kind))];
  return {
    journey: { id, title: `${id} journey`, personaId: persona ? `p-${id}` : null, createdAt: 0, updatedAt: 0 },
    persona: persona
      ? {
          id: `p-${id}`,
          name: persona,
          goals: [],
          frustrations: [],
          motivations: [],
          needs: [],
          tags: [],
          channels: [],
          updatedAt: 0,
        }
      : null,
    stages: stageNames.map((name, i) => ({ id: `${id}-s${i}`, journeyId: id, order: String(i), name })),
    lanes: kinds.map((kind, i) => ({ id: `${id}-l-${kind}`, journeyId: id, order: String(i), kind })),
    cards: cards.map(({ stage, kind, ...fields }, i) => {
      const s = stageNames.indexOf(stage);
      if (s < 0) throw new Error(`no stage ${stage}`);
      return {
        ...fields,
        id: `${id}-c${i}`,
        journeyId: id,
        stageId: `${id}-s${s}`,
        laneId: `${id}-l-${kind}`,
        order: String(i),
      };
    }),
    connections: [],
  } as JourneyParts;
}
