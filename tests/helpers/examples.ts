import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** Copies of the shared example files, kept in the repository so a clone alone passes its tests. */
export const SHARED_EXAMPLES = resolve(here, '../fixtures');
export const EXAMPLE_FILES = ['headphones-two-personas.journey.json', 'appointment-reschedule.journey.json'] as const;

export function readExample(name: string): string {
  return readFileSync(resolve(SHARED_EXAMPLES, name), 'utf8');
}

type Json = Record<string, unknown>;

/**
 * Replaces every id by its kind and position (`card#3`) and rewrites references to match, so two
 * documents compare equal "up to ids". `exportedAt` is dropped.
 */
export function canonicalize(doc: Json): Json {
  const out = structuredClone(doc);
  delete out.exportedAt;
  const personaIds = new Map<string, string>();
  ((out.personas as Json[]) ?? []).forEach((p, i) => {
    personaIds.set(p.id as string, `persona#${i}`);
    p.id = `persona#${i}`;
  });
  ((out.journeys as Json[]) ?? []).forEach((j, ji) => {
    j.id = `journey#${ji}`;
    if (typeof j.personaId === 'string') j.personaId = personaIds.get(j.personaId) ?? `missing:${j.personaId}`;
    const rename = (items: Json[] | undefined, kind: string) => {
      const map = new Map<string, string>();
      (items ?? []).forEach((it, i) => {
        map.set(it.id as string, `${kind}#${i}`);
        it.id = `${kind}#${i}`;
      });
      return map;
    };
    const stages = rename(j.stages as Json[], 'stage');
    const lanes = rename(j.lanes as Json[], 'lane');
    const cards = rename(j.cards as Json[], 'card');
    rename(j.connections as Json[], 'connection');
    for (const c of (j.cards as Json[]) ?? []) {
      c.stageId = stages.get(c.stageId as string);
      c.laneId = lanes.get(c.laneId as string);
    }
    for (const x of (j.connections as Json[]) ?? []) {
      x.from = cards.get(x.from as string);
      x.to = cards.get(x.to as string);
    }
  });
  return out;
}
