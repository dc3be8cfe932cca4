import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { undoStep } from '../../src/store/workspace-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useWorkspace } from '../../src/app/app-context';
import type { App } from '../../src/app/create-app';
import { journeyParts } from '../../src/domain/queries';
import { CardDetails } from '../../src/features/editor/CardDetails';
import { renderIn, testApp } from '../helpers/app';
import { readExample } from '../helpers/examples';

const J = 'j-reschedule';

// Each test has an app of its own: nothing to reset by hand.
let app: App;
beforeEach(() => {
  app = testApp(readExample('appointment-reschedule.journey.json'));
});
afterEach(cleanup);

function Details() {
  // Subscribed as the editor is, so the panel shows what each edit changed.
  const parts = journeyParts(
    useWorkspace((s) => s.doc),
    J,
  )!;
  return <CardDetails parts={parts} />;
}

function open(cardId: string) {
  act(() => app.editor.setState({ journeyId: J, selectedCards: [cardId] }));
  const view = renderIn(app, <Details />);
  return {
    region: within(screen.getByRole('region', { name: 'Card details' })),
    rerender: () => view.rerender(<Details />),
  };
}

const COMMON = ['Title', 'Notes', 'Evidence', 'Connect to'];
const fieldNames = (region: ReturnType<typeof open>['region']) =>
  [...region.queryAllByRole('textbox'), ...region.queryAllByRole('combobox'), ...region.queryAllByRole('spinbutton')]
    .map((el) => (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null))
    .filter(Boolean)
    .sort();

describe('Card details shows exactly the fields of each kind', () => {
  const cases: [string, string, string[]][] = [
    ['actions', 'c1', []],
    ['goals', 'c2', []],
    ['thoughts', 'c6', []],
    ['backstage', 'c13', []],
    ['touchpoints', 'c4', ['Channel']],
    ['emotions', 'c7', ['Score']],
    ['pain points', 'c8', ['Severity']],
    ['opportunities', 'c9', ['Impact', 'Effort', 'Owner', 'Status', 'Votes', 'KPI']],
    ['metrics', 'c10', ['Metric', 'Value', 'Target', 'Unit']],
  ];
  for (const [kind, id, extra] of cases) {
    it(kind, () => {
      const { region } = open(id);
      expect(fieldNames(region)).toEqual([...COMMON, ...extra].sort());
      expect(region.getByRole('button', { name: 'Delete card' })).toBeTruthy();
    });
  }
});

describe('Card details edits the card', () => {
  it('touchpoint channel, notes and evidence', () => {
    const { region } = open('c4');
    fireEvent.change(region.getByRole('combobox', { name: 'Channel' }), { target: { value: 'chat' } });
    fireEvent.change(region.getByRole('textbox', { name: 'Notes' }), { target: { value: 'Sent at 7:40' } });
    fireEvent.change(region.getByRole('combobox', { name: 'Evidence' }), { target: { value: 'reported' } });
    expect(app.workspace.getDoc().cards.c4).toMatchObject({
      channel: 'chat',
      notes: 'Sent at 7:40',
      evidence: 'reported',
    });
    fireEvent.change(region.getByRole('combobox', { name: 'Channel' }), { target: { value: '' } });
    expect(app.workspace.getDoc().cards.c4!.channel).toBeUndefined();
  });

  it('Enter in Title starts no new line (Shift+Enter does)', () => {
    const { region } = open('c7');
    const title = region.getByRole('textbox', { name: 'Title' });
    // fireEvent returns false when the default action (the line break) was prevented.
    expect(fireEvent.keyDown(title, { key: 'Enter' })).toBe(false);
    expect(fireEvent.keyDown(title, { key: 'Enter', shiftKey: true })).toBe(true);
    expect(fireEvent.keyDown(region.getByRole('textbox', { name: 'Notes' }), { key: 'Enter' })).toBe(true);
  });

  it('emotion score: a spinbutton from -2 to 2 that refuses other values and says why', () => {
    const { region } = open('c7');
    const score = region.getByRole('spinbutton', { name: 'Score' }) as HTMLInputElement;
    expect([score.min, score.max, score.value]).toEqual(['-2', '2', '-2']);
    fireEvent.change(score, { target: { value: '1' } });
    expect(app.workspace.getDoc().cards.c7!.score).toBe(1);
    fireEvent.change(score, { target: { value: '3' } });
    expect(region.getByRole('alert').textContent).toBe('Score must be from -2 to 2. It stays 1.');
    expect(score.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(score, { target: { value: '0.5' } });
    expect(region.getByRole('alert').textContent).toBe('Score must be a whole number. It stays 1.');
    expect(app.workspace.getDoc().cards.c7!.score).toBe(1);
    fireEvent.blur(score);
    expect(score.value).toBe('1');
    fireEvent.change(score, { target: { value: '2' } });
    expect(region.queryByRole('alert')).toBeNull();
    expect(app.workspace.getDoc().cards.c7!.score).toBe(2);
  });

  it('pain point severity', () => {
    const { region } = open('c8');
    fireEvent.change(region.getByRole('combobox', { name: 'Severity' }), { target: { value: 'low' } });
    expect(app.workspace.getDoc().cards.c8!.severity).toBe('low');
  });

  it('opportunity impact, effort, owner, status and votes', () => {
    const { region } = open('c9');
    fireEvent.change(region.getByRole('combobox', { name: 'Impact' }), { target: { value: '1' } });
    fireEvent.change(region.getByRole('combobox', { name: 'Effort' }), { target: { value: '3' } });
    fireEvent.change(region.getByRole('textbox', { name: 'Owner' }), { target: { value: 'Clinic IT' } });
    fireEvent.change(region.getByRole('combobox', { name: 'Status' }), { target: { value: 'done' } });
    fireEvent.change(region.getByRole('spinbutton', { name: 'Votes' }), { target: { value: '12' } });
    expect(app.workspace.getDoc().cards.c9).toMatchObject({
      impact: 1,
      effort: 3,
      owner: 'Clinic IT',
      status: 'done',
      votes: 12,
    });
    fireEvent.change(region.getByRole('spinbutton', { name: 'Votes' }), { target: { value: '-1' } });
    expect(app.workspace.getDoc().cards.c9!.votes).toBe(12);
    expect(region.getByRole('alert').textContent).toBe('Votes must be 0 or more. It stays 12.');
  });

  it('metric, value, target and unit, with decimals', () => {
    const { region } = open('c16');
    fireEvent.change(region.getByRole('combobox', { name: 'Metric' }), { target: { value: 'CES' } });
    fireEvent.change(region.getByRole('spinbutton', { name: 'Value' }), { target: { value: '4.35' } });
    fireEvent.change(region.getByRole('spinbutton', { name: 'Target' }), { target: { value: '' } });
    fireEvent.change(region.getByRole('textbox', { name: 'Unit' }), { target: { value: ' pts' } });
    expect(app.workspace.getDoc().cards.c16).toMatchObject({ metric: 'CES', value: 4.35, unit: ' pts' });
    expect(app.workspace.getDoc().cards.c16!.target).toBeUndefined();
  });

  it('title typing is one undo step', () => {
    const { region } = open('c1');
    const title = region.getByRole('textbox', { name: 'Title' });
    for (const v of ['R', 'Re', 'Rea']) fireEvent.change(title, { target: { value: v } });
    expect(app.workspace.getDoc().cards.c1!.title).toBe('Rea');
    act(() => {
      app.workspace.dispatch(undoStep(J));
    });
    expect(app.workspace.getDoc().cards.c1!.title).toBe('Realises the 12 March slot clashes with work');
  });
});
