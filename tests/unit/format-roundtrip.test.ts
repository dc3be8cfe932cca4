import { importDocument } from '../../src/domain/format/import-document';
import { describe, expect, it } from 'vitest';
import { documentPieces, exportDocument, serializeDocument } from '../../src/domain/format/serialize';
import { parseJourneyFile } from '../../src/domain/format/parse';
import { canonicalize, EXAMPLE_FILES, readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

describe('file format round trip', () => {
  for (const name of EXAMPLE_FILES) {
    it(`export(import(${name})) equals the file up to ids`, () => {
      const text = readExample(name);
      const store = storeWith(text);
      const ws = store.getDoc();
      const original = JSON.parse(text);
      // Export the journeys in the file's order (titles are unique in the examples).
      const idsInFileOrder = (original.journeys as { title: string }[]).map(
        (fj) => Object.values(ws.journeys).find((j) => j.title === fj.title)!.id,
      );
      const exported = exportDocument(ws, idsInFileOrder, new Date('2026-01-01T00:00:00Z'));
      expect(canonicalize(exported)).toEqual(canonicalize(original));
      // And the export is itself a valid file.
      expect(parseJourneyFile(JSON.stringify(exported)).ok).toBe(true);
    });
  }

  it('writes a workspace in pieces that join into exactly the one-piece text', () => {
    const store = storeWith(readExample('headphones-two-personas.journey.json'));
    store.dispatch(importDocument(JSON.parse(readExample('appointment-reschedule.journey.json')) as never));
    const ws = store.getDoc();
    const ids = Object.keys(ws.journeys);
    const at = new Date('2026-01-01T00:00:00Z');
    for (const list of [ids, ids.slice(0, 1), []]) {
      const whole = serializeDocument(exportDocument(ws, list, at, Object.keys(ws.personas)));
      expect([...documentPieces(ws, list, at, Object.keys(ws.personas))].join('')).toBe(whole);
    }
  });

  it('keeps ids that are free and renames only clashing ones, with references following', () => {
    const text = readExample('headphones-two-personas.journey.json');
    const store = storeWith(text);
    const ws = store.getDoc();
    expect(ws.journeys['j-sam']).toBeDefined();
    expect(ws.journeys['j-ruth']).toBeDefined();
    // Both journeys use card ids c1…c12: the second set had to be renamed.
    const ruthCards = Object.values(ws.cards).filter((c) => c.journeyId === 'j-ruth');
    expect(ruthCards).toHaveLength(12);
    expect(ruthCards.every((c) => ws.stages[c.stageId]?.journeyId === 'j-ruth')).toBe(true);
    const ruthLinks = Object.values(ws.connections).filter((x) => x.journeyId === 'j-ruth');
    expect(
      ruthLinks.every((x) => ws.cards[x.from]?.journeyId === 'j-ruth' && ws.cards[x.to]?.journeyId === 'j-ruth'),
    ).toBe(true);
  });

  it('importing the same file twice never overwrites: it adds a second copy, reusing the same persona', () => {
    const text = readExample('appointment-reschedule.journey.json');
    const store = storeWith(text);
    const parsed = parseJourneyFile(text);
    if (!parsed.ok) throw new Error('invalid');
    const before = structuredClone(store.getDoc());
    store.dispatch(importDocument(parsed.doc));
    const after = store.getDoc();
    expect(Object.keys(after.journeys)).toHaveLength(2);
    expect(Object.keys(after.personas)).toHaveLength(1);
    expect(Object.keys(after.cards)).toHaveLength(32);
    for (const [id, card] of Object.entries(before.cards)) expect(after.cards[id]).toEqual(card);
    const copy = Object.values(after.journeys).find((j) => j.id !== 'j-reschedule')!;
    expect(copy.personaId).toBe('p-emily');
    expect(copy.title).toBe('Rescheduling an appointment (2)');
    store.dispatch(importDocument(parsed.doc));
    expect(
      Object.values(store.getDoc().journeys)
        .map((j) => j.title)
        .sort(),
    ).toEqual(['Rescheduling an appointment', 'Rescheduling an appointment (2)', 'Rescheduling an appointment (3)']);
  });

  it('a different persona with a name already used arrives as "<name> (2)"', () => {
    const text = readExample('appointment-reschedule.journey.json');
    const store = storeWith(text);
    const changed = JSON.parse(text) as { personas: { role?: string }[] };
    changed.personas[0]!.role = 'Night-shift nurse';
    const parsed = parseJourneyFile(JSON.stringify(changed));
    if (!parsed.ok) throw new Error('invalid');
    store.dispatch(importDocument(parsed.doc));
    const names = Object.values(store.getDoc().personas)
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(['Emily Carter', 'Emily Carter (2)']);
    const copy = Object.values(store.getDoc().journeys).find((j) => j.id !== 'j-reschedule')!;
    expect(store.getDoc().personas[copy.personaId!]).toMatchObject({
      name: 'Emily Carter (2)',
      role: 'Night-shift nurse',
    });
  });
});
