import { useTranslation } from 'react-i18next';
import type { VoteBoard } from './vote-board';

/** While a vote is open: how many of this person's dots are left (or, alone, how many were recorded). */
export function DotsLeft({ board, className }: { board: Pick<VoteBoard, 'left' | 'spentMine'>; className: string }) {
  const { t } = useTranslation();
  return (
    <span role="status" className={className}>
      {board.left === null
        ? t('vote.recorded', { count: board.spentMine })
        : t('vote.left', { count: board.left, all: board.left + board.spentMine })}
    </span>
  );
}
