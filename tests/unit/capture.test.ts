import { describe, expect, it } from 'vitest';
import { CAPTURE_MAX_LINES, linesToCards, moveCell } from '../../src/domain/capture';
import { LIMITS } from '../../src/domain/types';

describe('quick capture', () => {
  it('makes one card per pasted line, without blank lines or list markers', () => {
    const pasted =
      '- Kein Termin am Samstag\r\n\n• 配達が遅れた\n3. The app logged me out\n[ ] Hold music too loud\n   \n';
    expect(linesToCards(pasted)!.map((c) => c.title)).toEqual([
      'Kein Termin am Samstag',
      '配達が遅れた',
      'The app logged me out',
      'Hold music too loud',
    ]);
    // A line that only looks like a number keeps it.
    expect(linesToCards('2024 was better')![0]!.title).toBe('2024 was better');
  });

  it('keeps every word of a line too long for a title, and refuses a whole document', () => {
    const long = 'ä'.repeat(LIMITS.cardTitleLength + 20);
    const [card] = linesToCards(long)!;
    expect([...card!.title].length).toBe(LIMITS.cardTitleLength);
    expect(card!.notes).toBe(long);
    expect(
      linesToCards(
        Array(CAPTURE_MAX_LINES + 1)
          .fill('idea')
          .join('\n'),
      ),
    ).toBeNull();
    expect(linesToCards(Array(CAPTURE_MAX_LINES).fill('idea').join('\n'))).toHaveLength(CAPTURE_MAX_LINES);
  });

  it('moves to the next or previous lane and stage, staying put at either end', () => {
    const order = { stages: ['s1', 's2'], lanes: ['l1', 'l2', 'l3'] };
    const cell = { stageId: 's1', laneId: 'l1' };
    expect(moveCell(cell, order, 'nextLane')).toEqual({ stageId: 's1', laneId: 'l2' });
    expect(moveCell(cell, order, 'previousLane')).toEqual(cell);
    expect(moveCell(cell, order, 'nextStage')).toEqual({ stageId: 's2', laneId: 'l1' });
    expect(moveCell({ stageId: 's2', laneId: 'l3' }, order, 'nextStage')).toEqual({ stageId: 's2', laneId: 'l3' });
    // A lane that went meanwhile: back to the first.
    expect(moveCell({ stageId: 's1', laneId: 'gone' }, order, 'nextLane')).toEqual({ stageId: 's1', laneId: 'l1' });
  });
});
