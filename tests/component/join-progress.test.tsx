import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JoinProgressBar } from '../../src/features/live/JoinProgressBar';
import type { JoinProgress } from '../../src/live/join-progress';
import { addCatalogue, i18n } from '../../src/i18n';
import { lv } from '../../src/i18n/locales/lv';
import { renderIn, testApp } from '../helpers/app';

afterEach(async () => {
  cleanup();
  await act(() => i18n.changeLanguage('en'));
});

describe('the Join dialog’s progress', () => {
  it('says each step in words, as a progress bar and a status, up to the number of cards', () => {
    const app = testApp();
    const steps: [JoinProgress, string, number][] = [
      [{ step: 'connecting' }, 'Connecting to the session…', 1],
      [{ step: 'receiving' }, 'Receiving the journey…', 2],
      [{ step: 'received', cards: 1 }, 'The journey is here: 1 card', 3],
      [{ step: 'received', cards: 1000 }, 'The journey is here: 1,000 cards', 3],
    ];
    const view = renderIn(app, <JoinProgressBar progress={steps[0]![0]} />);
    for (const [progress, text, reached] of steps) {
      view.rerender(<JoinProgressBar progress={progress} />);
      const bar = screen.getByRole('progressbar', { name: 'Opening the live journey' });
      expect(bar.getAttribute('aria-valuetext')).toBe(text);
      expect((bar as HTMLProgressElement).value / (bar as HTMLProgressElement).max).toBe(reached / 3);
      expect(screen.getByRole('status').textContent).toBe(text);
    }
  });

  it('counts the cards in the reader’s language', async () => {
    const app = testApp();
    addCatalogue('lv', lv);
    await act(() => i18n.changeLanguage('lv'));
    renderIn(app, <JoinProgressBar progress={{ step: 'received', cards: 12345 }} />);
    expect(screen.getByRole('status').textContent).toMatch(/^Karte ir saņemta: 12\s345 kartītes$/);
  });
});
