import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ListEditor } from '../../src/features/personas/ListEditor';

afterEach(cleanup);

function Goals() {
  const [items, setItems] = useState<string[]>(['Book online']);
  return (
    <>
      <ListEditor label="Goals" itemLabel="Goal" items={items} onChange={setItems} />
      <output data-testid="items">{JSON.stringify(items)}</output>
    </>
  );
}

describe('ListEditor', () => {
  it('puts the focus in the new row after Add, so what is typed (spaces too) goes into it', async () => {
    const user = userEvent.setup();
    render(<Goals />);
    await user.click(screen.getByRole('button', { name: 'Add goal' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Goal 2' }));
    await user.keyboard('Never wait on hold');
    expect(JSON.parse(screen.getByTestId('items').textContent!)).toEqual(['Book online', 'Never wait on hold']);
  });
});
