import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TextField } from '../../src/ui/Field';
import { InlineText } from '../../src/ui/InlineText';

afterEach(cleanup);

describe('length limits in the UI', () => {
  it('the scenario editor (in place) keeps to its limit and counts down near it', () => {
    render(
      <InlineText
        multiline
        value={'a'.repeat(95)}
        label="Scenario"
        maxLength={100}
        onCommit={() => {}}
        onCancel={() => {}}
      />,
    );
    const box = screen.getByRole('textbox', { name: 'Scenario' });
    expect(box.getAttribute('maxLength')).toBe('100');
    expect(screen.getByText('5 characters left')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'a'.repeat(100) } });
    expect(screen.getByText('Scenario is limited to 100 characters; the rest was not taken.')).toBeTruthy();
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
  });

  it('a form field says nothing far from its limit and counts down near it', () => {
    const { rerender } = render(<TextField label="Name" value="Aiko" maxLength={200} onChange={() => {}} />);
    expect(screen.queryByText(/characters? left/)).toBeNull();
    rerender(<TextField label="Name" value={'x'.repeat(199)} maxLength={200} onChange={() => {}} />);
    expect(screen.getByText('1 character left')).toBeTruthy();
  });
});
