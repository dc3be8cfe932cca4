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
  const journeyIds = new Map(((out.journeys as Json[]) ?? []).map((j, ji) => [j.id as string, `journey#${ji}`]));
  ((out.journeys as Json[]) ?? []).forEach((j, ji) => {
    j.id = `journey#${ji}`;
    if (typeof j.currentStateId === 'string') j.currentStateId = journeyIds.get(j.currentStateId) ?? 'elsewhere';
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
      if (typeof c.kpiCardId === 'string') c.kpiCardId = cards.get(c.kpiCardId);
    }
    for (const x of (j.connections as Json[]) ?? []) {
      x.from = cards.get(x.from as string);
      x.to = cards.get(x.to as string);
    }
  });
  return out;
}

const CELLS = [
  ['s-need', 'l-thoughts'],
  ['s-resolve', 'l-actions'],
  ['s-after', 'l-actions'],
  ['s-after', 'l-thoughts'],
] as const;

/** The appointment example renamed, with up to four cards added in four of its cells (ids m1, m2, …). */
export function appointmentWith(title: string, titles: readonly string[]): string {
  const doc = JSON.parse(readExample('appointment-reschedule.journey.json')) as { journeys: Json[] };
  const j = doc.journeys[0]!;
  j.title = title;
  (j.cards as Json[]).push(
    ...titles.map((t, i) => ({ id: `m${i + 1}`, stageId: CELLS[i]![0], laneId: CELLS[i]![1], title: t })),
  );
  return JSON.stringify(doc);
}
