import { runCommand } from '../../src/app/commands';
import { undoStep } from '../../src/store/workspace-store';
import { describe, expect, it } from 'vitest';
import { duplicateJourney, SHARED_KINDS } from '../../src/domain/journey-commands';
import { WORKSPACE_SCOPE } from '../../src/store/history';
import {
  createPersona,
  deletePersona,
  duplicatePersona,
  emptyPersona,
  personaProblems,
  updatePersona,
} from '../../src/domain/persona-commands';
import { journeyParts } from '../../src/domain/queries';
import { readExample } from '../helpers/examples';
import { storeWith } from '../helpers/workspace';

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

describe('persona commands', () => {
  it('creates a persona with tidy fields and refuses bad ones', () => {
    const store = storeWith();
    store.dispatch(
      createPersona('p', {
        ...emptyPersona('  Aiko  '),
        role: ' ',
        goals: ['Book online', '  ', 'Never call'],
        color: '#E4572E',
        avatar: { image: PNG },
      }),
    );
    expect(store.getDoc().personas.p).toMatchObject({
      name: 'Aiko',
      goals: ['Book online', 'Never call'],
      avatar: { image: PNG },
    });
    expect('role' in store.getDoc().personas.p!).toBe(false);
    // Refusals come back from the runner with the one message of their code.
    const refused = (fields: Parameters<typeof createPersona>[1]) => {
      const result = runCommand({ workspace: store }, createPersona('q', fields));
      return result.ok ? null : { code: result.error.code, message: result.message };
    };
    expect(refused(emptyPersona('   '))).toEqual({ code: 'nameRequired', message: 'Enter a name.' });
    expect(refused({ ...emptyPersona('A'), color: 'teal' })?.code).toBe('colorFormat');
    expect(refused({ ...emptyPersona('A'), age: 151 })).toEqual({
      code: 'ageRange',
      message: 'Age must be a whole number from 0 to 150.',
    });
    expect(refused({ ...emptyPersona('A'), avatar: { image: 'https://example.com/a.png' } })?.code).toBe(
      'avatarRemote',
    );
    expect(refused({ ...emptyPersona('A'), avatar: { image: 'data:image/svg+xml;base64,PHN2Zz4=' } })?.code).toBe(
      'avatarSvg',
    );
    expect(store.getDoc().personas.q).toBeUndefined();
    // A form shows every problem at once.
    expect(
      personaProblems({ ...emptyPersona(' '), color: 'teal', age: Number.NaN }).map((e) => [e.code, e.params.field]),
    ).toEqual([
      ['nameRequired', 'name'],
      ['ageRange', 'age'],
      ['colorFormat', 'color'],
    ]);
  });

  it('updates, duplicates and deletes; journeys of a deleted persona keep their cards with no persona', () => {
    const store = storeWith(readExample('headphones-two-personas.journey.json'));
    const sam = store.getDoc().personas['p-sam']!;
    store.dispatch(updatePersona('p-sam', { ...sam, role: 'Student' }));
    expect(store.getDoc().personas['p-sam']!.role).toBe('Student');
    store.dispatch(duplicatePersona('p-sam', 'p-sam2', 'Sam Lee (copy)'));
    expect(store.getDoc().personas['p-sam2']).toMatchObject({
      name: 'Sam Lee (copy)',
      goals: ['Best price'],
      color: '#2e86ab',
    });
    store.dispatch(deletePersona('p-sam'));
    expect(store.getDoc().personas['p-sam']).toBeUndefined();
    expect(store.getDoc().journeys['j-sam']!.personaId).toBeNull();
    expect(journeyParts(store.getDoc(), 'j-sam')!.cards).toHaveLength(12);
    store.dispatch(undoStep(WORKSPACE_SCOPE));
    expect(store.getDoc().journeys['j-sam']!.personaId).toBe('p-sam');
  });
});

describe('duplicate for another persona', () => {
  it('copies stages, lanes and the shared kinds of cards with their connections, and sets the persona', () => {
    const store = storeWith(readExample('appointment-reschedule.journey.json'));
    store.dispatch(createPersona('p2', emptyPersona('Aiko')));
    store.dispatch(duplicateJourney('j-reschedule', 'j2', 'For Aiko', { personaId: 'p2', only: SHARED_KINDS }));
    const src = journeyParts(store.getDoc(), 'j-reschedule')!;
    const copy = journeyParts(store.getDoc(), 'j2')!;
    expect(copy.journey.personaId).toBe('p2');
    expect(copy.stages.map((s) => s.name)).toEqual(src.stages.map((s) => s.name));
    expect(copy.lanes.map((l) => l.kind)).toEqual(src.lanes.map((l) => l.kind));
    const kinds = new Map(copy.lanes.map((l) => [l.id, l.kind]));
    expect([...new Set(copy.cards.map((c) => kinds.get(c.laneId)))].sort()).toEqual([
      'actions',
      'backstage',
      'goals',
      'touchpoints',
    ]);
    expect(copy.cards).toHaveLength(7);
    // All three connections join touchpoints, so all three come along, pointing at the copies.
    expect(copy.connections).toHaveLength(3);
    const ids = new Set(copy.cards.map((c) => c.id));
    expect(copy.connections.every((x) => ids.has(x.from) && ids.has(x.to))).toBe(true);

    store.dispatch(duplicateJourney('j-reschedule', 'j3', 'All', { personaId: 'p2' }));
    expect(journeyParts(store.getDoc(), 'j3')!.cards).toHaveLength(16);
  });
});
