import { LANE_KINDS, type LaneKind } from './types';

/**
 * Templates name their stages by message key (`stage.<key>`) so the new journey's stage names
 * are written in the user's language at creation time; lanes keep no title and so follow the
 * current language.
 */
export interface JourneyTemplate {
  id: string;
  stageKeys: readonly string[];
  lanes: readonly LaneKind[];
}

export const TEMPLATES: readonly JourneyTemplate[] = [
  {
    id: 'blank',
    stageKeys: ['awareness', 'consideration', 'purchase', 'retention'],
    lanes: ['actions', 'touchpoints', 'goals', 'thoughts', 'emotions', 'painPoints', 'opportunities'],
  },
  {
    id: 'serviceBlueprint',
    stageKeys: ['awareness', 'consideration', 'purchase', 'onboarding', 'support'],
    lanes: ['actions', 'touchpoints', 'backstage', 'painPoints', 'opportunities', 'metrics'],
  },
  {
    id: 'fullJourney',
    stageKeys: ['awareness', 'consideration', 'purchase', 'onboarding', 'usage', 'retention', 'advocacy'],
    lanes: LANE_KINDS,
  },
];

export function findTemplate(id: string): JourneyTemplate {
  return TEMPLATES.find((t) => t.id === id) ?? TEMPLATES[0]!;
}
