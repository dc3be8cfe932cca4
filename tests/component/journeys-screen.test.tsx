import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/create-app';
import { createJourney } from '../../src/domain/journey-commands';
import { JourneysScreen } from '../../src/features/journeys/JourneysScreen';
import { renderIn, testApp } from '../helpers/app';

let app: App;
beforeEach(() => {
  app = testApp();
});
afterEach(cleanup);

function addJourney(id: string, title: string) {
  act(() => {
    app.workspace.dispatch(
      createJourney({ id, title, personaId: null, stageNames: ['One', 'Two'], laneKinds: ['actions'] }),
    );
  });
}

describe('JourneysScreen', () => {
  it('shows text that looks like HTML as text', () => {
    const title = '<img src=x onerror=alert(1)>';
    addJourney('j1', title);
    const { container } = renderIn(app, <JourneysScreen />);
    expect(screen.getByRole('link', { name: title }).textContent).toBe(title);
    expect(screen.getByRole('button', { name: `Actions for ${title}` })).toBeTruthy();
    expect(container.querySelector('img')).toBeNull();
  });

  it('lists journeys with counts, newest first, and filters them by title', async () => {
    addJourney('j1', 'Checkout');
    await new Promise((r) => setTimeout(r, 5));
    addJourney('j2', 'Refund request');
    renderIn(app, <JourneysScreen />);
    const list = screen.getByRole('list');
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Refund request', 'Checkout']);
    expect(within(list).getAllByText('2 stages')).toHaveLength(2);
    expect(within(list).getAllByText('0 cards')).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Filter journeys'), { target: { value: 'REFUND' } });
    expect(
      within(screen.getByRole('list'))
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Refund request']);
    fireEvent.change(screen.getByLabelText('Filter journeys'), { target: { value: 'nothing like it' } });
    expect(screen.queryByRole('list')).toBeNull();
    expect(screen.getByText('No journey title contains “nothing like it”.')).toBeTruthy();
  });
});
