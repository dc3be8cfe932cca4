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

  it('keeps a future state linked to its current state, and an opportunity to its KPI, through clashing ids', () => {
    const parts = (id: string, title: string, extra: object) => ({
      id,
      title,
      ...extra,
      stages: [{ id: 's1', name: 'Call' }],
      lanes: [
        { id: 'l-o', kind: 'opportunities' },
        { id: 'l-m', kind: 'metrics' },
      ],
      cards: [
        { id: 'o1', stageId: 's1', laneId: 'l-o', title: 'Call back', owner: 'Mia', kpiCardId: 'm1' },
        { id: 'm1', stageId: 's1', laneId: 'l-m', title: 'First response', metric: 'FRT', value: 30, target: 10 },
      ],
      connections: [],
    });
    const doc = {
      format: 'journey-canvas',
      version: 1,
      personas: [],
      journeys: [
        parts('future', 'Support, future', { state: 'future', currentStateId: 'now' }),
        parts('now', 'Support', {}),
      ],
    };
    const store = storeWith(JSON.stringify(doc));
    store.dispatch(importDocument(doc as never));
    const ws = store.getDoc();
    const futures = Object.values(ws.journeys).filter((j) => j.state === 'future');
    expect(futures).toHaveLength(2);
    for (const f of futures) {
      const current = ws.journeys[f.currentStateId!]!;
      expect(current.title).toBe(f.title.replace('Support, future', 'Support'));
      const opp = Object.values(ws.cards).find((c) => c.journeyId === f.id && c.title === 'Call back')!;
      expect(ws.cards[opp.kpiCardId!]).toMatchObject({ journeyId: f.id, title: 'First response' });
    }
    // The first copy kept its ids and exports as the file; the second was renamed throughout.
    const first = exportDocument(ws, ['future', 'now'], new Date('2026-01-01T00:00:00Z'));
    expect(canonicalize(first)).toEqual(canonicalize(doc));
    const second = futures.find((f) => f.id !== 'future')!;
    expect(second.currentStateId).not.toBe('now');
    const again = exportDocument(ws, [second.id, second.currentStateId!], new Date());
    const [future, now] = again.journeys as { id: string; currentStateId?: string }[];
    expect(future!.currentStateId).toBe(now!.id);
    expect(parseJourneyFile(JSON.stringify(again)).ok).toBe(true);
  });

  it('exports a future state alone with its link, and drops a KPI link whose metric card is gone', () => {
    const doc = {
      format: 'journey-canvas',
      version: 1,
      journeys: [
        {
          id: 'f',
          title: 'Later',
          state: 'future',
          currentStateId: 'gone',
          stages: [{ id: 's1', name: 'A' }],
          lanes: [
            { id: 'l-o', kind: 'opportunities' },
            { id: 'l-m', kind: 'metrics' },
          ],
          cards: [
            { id: 'o1', stageId: 's1', laneId: 'l-o', title: 'Idea', kpiCardId: 'm1' },
            { id: 'm1', stageId: 's1', laneId: 'l-m', title: 'NPS', metric: 'NPS' },
          ],
        },
      ],
    };
    const ws = storeWith(JSON.stringify(doc)).getDoc();
    // The current state it names is in neither the file nor the workspace: the link goes.
    expect(ws.journeys.f!.currentStateId).toBeUndefined();
    const withoutMetric = { ...ws, cards: { o1: ws.cards.o1! } };
    const exported = exportDocument(withoutMetric, ['f'], new Date());
    const card = (exported.journeys as { cards: Record<string, unknown>[] }[])[0]!.cards[0]!;
    expect(card.kpiCardId).toBeUndefined();
    expect(parseJourneyFile(JSON.stringify(exported)).ok).toBe(true);
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
