export interface GeneratedOptions {
  cards?: number;
  connections?: number;
  stages?: number;
  seed?: number;
  title?: string;
}
export interface GeneratedCard {
  id: string;
  stageId: string;
  laneId: string;
  title: string;
  [field: string]: unknown;
}
export interface GeneratedJourney {
  id: string;
  title: string;
  stages: { id: string; name: string }[];
  lanes: { id: string; kind: string }[];
  cards: GeneratedCard[];
  connections: { id: string; from: string; to: string; kind: string }[];
}
export function generateJourneyFile(options?: GeneratedOptions): {
  format: 'journey-canvas';
  version: 1;
  journeys: GeneratedJourney[];
  personas: unknown[];
};
export function generateWorkspaceFile(options?: { journeys?: number; cards?: number; seed?: number }): {
  format: 'journey-canvas';
  version: 1;
  journeys: GeneratedJourney[];
  personas: unknown[];
};
