import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useWorkspace } from '../../src/app/app-context';
import type { App } from '../../src/app/create-app';
import { journeyParts } from '../../src/domain/queries';
import { CardDetails } from '../../src/features/editor/CardDetails';
import type { FieldHold, LockField } from '../../src/live/field-lock';
import type { LiveRegistry } from '../../src/live/live-registry';
import type { LiveJourney } from '../../src/live/live-state';
import { renderIn, testApp } from '../helpers/app';
import { readExample } from '../helpers/examples';

const J = 'j-reschedule';

let app: App;
let told: string[];
beforeEach(() => {
  app = testApp(readExample('appointment-reschedule.journey.json'));
  told = [];
  // The session's side, as the registry offers it: what this participant claims and lets go.
  const registry: Pick<LiveRegistry, 'claimField' | 'releaseField'> = {
    claimField: (_j, cardId, field) => void told.push(`claim ${cardId}.${field}`),
    releaseField: (_j, cardId, field) => void told.push(`release ${cardId}.${field}`),
  };
  app.liveSessions = () => Promise.resolve(registry as LiveRegistry);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const hold = (field: LockField, name: string, me = false): FieldHold => ({
  cardId: 'c7',
  field,
  clientId: me ? 1 : 2,
  name,
  color: '#2e86ab',
  me,
});

function live(editing: FieldHold[]) {
  const journey = {
    role: 'guest',
    access: 'edit',
    status: 'connected',
    participants: [],
    editing,
    leading: false,
    leader: null,
    followOff: false,
    waiting: 0,
  } satisfies LiveJourney;
  act(() => app.live.setState({ journeys: { [J]: journey } }));
}

function Details() {
  const parts = journeyParts(
    useWorkspace((s) => s.doc),
    J,
  )!;
  return <CardDetails parts={parts} />;
}

async function open() {
  act(() => app.editor.setState({ journeyId: J, selectedCards: ['c7'] }));
  renderIn(app, <Details />);
  // The registry arrives a promise later, as the live registry does.
  await act(() => Promise.resolve());
  const region = within(screen.getByRole('region', { name: 'Card details' }));
  return { region, title: region.getByRole('textbox', { name: 'Title' }) as HTMLTextAreaElement };
}

describe('Card details in a live session', () => {
  it('says who else is typing in a field and keeps that field read-only, not disabled', async () => {
    live([hold('title', 'Dev')]);
    const { region, title } = await open();
    expect(region.getByRole('status').textContent).toBe('Dev is editing the title');
    expect(title.readOnly).toBe(true);
    expect(title.disabled).toBe(false);
    expect(title.getAttribute('aria-describedby')).toContain(region.getByRole('status').id);
    expect((region.getByRole('textbox', { name: 'Notes' }) as HTMLTextAreaElement).readOnly).toBe(false);
    // Focusing a field someone else holds claims nothing.
    act(() => title.focus());
    expect(told).toEqual([]);
  });

  it('claims a field on focus and lets go of it on blur or when Card details closes', async () => {
    live([]);
    const { region, title } = await open();
    expect(region.getByRole('status').textContent).toBe('');
    act(() => title.focus());
    fireEvent.change(title, { target: { value: 'Hopeful, and said so' } });
    act(() => title.blur());
    const notes = region.getByRole('textbox', { name: 'Notes' });
    act(() => notes.focus());
    cleanup();
    expect(told).toEqual([
      'claim c7.title',
      'claim c7.title',
      'release c7.title',
      'claim c7.notes',
      'release c7.notes',
    ]);
    expect(app.workspace.getDoc().cards.c7!.title).toBe('Hopeful, and said so');
  });

  it('lets go of a field after 10 s without typing; typing again claims it again', async () => {
    live([]);
    const { title } = await open();
    vi.useFakeTimers();
    act(() => title.focus());
    fireEvent.change(title, { target: { value: 'Hopeful' } });
    act(() => {
      vi.advanceTimersByTime(9_000);
    });
    fireEvent.change(title, { target: { value: 'Hopeful, then' } });
    act(() => {
      vi.advanceTimersByTime(9_999);
    });
    expect(told).toEqual(['claim c7.title', 'claim c7.title', 'claim c7.title']);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(told.at(-1)).toBe('release c7.title');
    // The field shows the card again (what was typed is in it).
    expect(title.value).toBe('Hopeful, then');
    fireEvent.change(title, { target: { value: 'Hopeful, then relieved' } });
    expect(told.at(-1)).toBe('claim c7.title');
  });

  it('hands back the text of one whose claim came second, with the holder named', async () => {
    live([]);
    const { region, title } = await open();
    act(() => title.focus());
    fireEvent.change(title, { target: { value: 'Hopeful with sample data' } });
    live([hold('title', 'Dev')]);
    expect(region.getByRole('alert').textContent).toBe('Your text was not kept: Dev was editing the title');
    expect((region.getByRole('textbox', { name: 'Your text' }) as HTMLTextAreaElement).value).toBe(
      'Hopeful with sample data',
    );
    expect(title.readOnly).toBe(true);
    expect(told.at(-1)).toBe('release c7.title');
    fireEvent.click(region.getByRole('button', { name: 'Dismiss' }));
    expect(region.queryByRole('alert')).toBeNull();
  });

  it('tells nothing lost when the one who came second had typed nothing', async () => {
    live([]);
    const { region, title } = await open();
    act(() => title.focus());
    live([hold('title', 'Dev')]);
    expect(region.queryByRole('alert')).toBeNull();
    expect(title.readOnly).toBe(true);
  });
});
