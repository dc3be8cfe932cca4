import { describe, expect, it } from 'vitest';
import demo from '../../src/demo/demo.journey.json';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { LANE_KINDS } from '../../src/domain/types';

describe('the bundled demo workspace', () => {
  const parsed = parseJourneyFile(JSON.stringify(demo));
  it('is a valid file', () => {
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
  });
  it('maps one scenario for two personas, with cards in every lane kind', () => {
    if (!parsed.ok) return;
    const { journeys, personas } = parsed.doc;
    expect(journeys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(journeys.map((j) => j.personaId)).size).toBe(journeys.length);
    expect(personas?.length).toBeGreaterThanOrEqual(2);
    for (const j of journeys) {
      const kindOf = new Map(j.lanes.map((l) => [l.id, l.kind]));
      const filled = new Set((j.cards ?? []).map((c) => kindOf.get(c.laneId)));
      expect([...LANE_KINDS].filter((k) => !filled.has(k))).toEqual([]);
      expect(j.stages.map((s) => s.name)).toEqual(journeys[0]!.stages.map((s) => s.name));
    }
  });
});
