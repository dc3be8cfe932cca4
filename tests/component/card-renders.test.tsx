import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { memo, type ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import EditorScreen from '../../src/features/editor/EditorScreen';
import { renderIn, testApp } from '../helpers/app';
import { readExample } from '../helpers/examples';

const renders = vi.hoisted(() => new Map<string, number>());

// Counts how often each card is drawn (the real card view, wrapped).
vi.mock('../../src/canvas/nodes/CardView', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/canvas/nodes/CardView')>();
  const Counted = memo(function Counted(props: ComponentProps<typeof real.CardView>) {
    renders.set(props.card.id, (renders.get(props.card.id) ?? 0) + 1);
    return <real.CardView {...props} />;
  });
  return { ...real, CardView: Counted };
});

afterEach(cleanup);

describe('typing a card title', () => {
  it('re-renders the edited card’s node once per keystroke and no other card node', () => {
    const app = testApp(readExample('appointment-reschedule.journey.json'));
    renderIn(app, <EditorScreen journeyId="j-reschedule" />);
    expect(renders.size).toBe(16);
    act(() => app.editor.setState({ journeyId: 'j-reschedule', selectedCards: ['c6'] }));
    const title = within(screen.getByRole('region', { name: 'Card details' })).getByRole('textbox', { name: 'Title' });

    renders.clear();
    const typed = 'Why again?';
    for (let i = 1; i <= typed.length; i++) fireEvent.change(title, { target: { value: typed.slice(0, i) } });

    expect(app.workspace.getDoc().cards.c6!.title).toBe(typed);
    expect(screen.getByRole('button', { name: `Thoughts: ${typed}` })).toBeTruthy();
    expect(Object.fromEntries(renders)).toEqual({ c6: typed.length });
  });
});
