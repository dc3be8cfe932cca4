import { describe, expect, it } from 'vitest';
import { titleForPersona } from '../../src/domain/persona-title';

const append = (title: string) => `${title} — Tom Berger`;

describe('titleForPersona', () => {
  it("puts the new persona's name where the old one was", () => {
    expect(titleForPersona('Joining the gym — Maya', 'Maya', 'Tom Berger', append, 200)).toBe(
      'Joining the gym — Tom Berger',
    );
    expect(titleForPersona('Maya joins the gym', 'Maya', 'Tom Berger', append, 200)).toBe('Tom Berger joins the gym');
  });

  it('appends the name once when the title does not hold the old one', () => {
    expect(titleForPersona('Joining the gym', undefined, 'Tom Berger', append, 200)).toBe(
      'Joining the gym — Tom Berger',
    );
    expect(titleForPersona('Joining the gym', 'Maya', 'Tom Berger', append, 200)).toBe('Joining the gym — Tom Berger');
    expect(titleForPersona('Joining the gym — Tom Berger', 'Maya', 'Tom Berger', append, 200)).toBe(
      'Joining the gym — Tom Berger',
    );
  });

  it('stays within the limit by shortening the title, never the name', () => {
    const long = 'x'.repeat(199);
    const title = titleForPersona(long, undefined, 'Tom Berger', append, 200);
    expect(title.length).toBeLessThanOrEqual(200);
    expect(title.endsWith(' — Tom Berger')).toBe(true);
  });
});
