import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { useViewOnly } from '../use-view-only';
import { votable } from '../../domain/vote';
import type { CardRec, LaneKind } from '../../domain/types';
import { i18n } from '../../i18n';
import { spendDot } from '../../features/workshop/vote-share';
import type { VoteBoard } from '../../features/workshop/vote-board';

const t = i18n.t.bind(i18n);
/** More dots than this on one card are drawn as a number. */
const DOTS_DRAWN = 8;

interface CardVote {
  open: boolean;
  total: number;
  mine: number;
  canGive: boolean;
  /** The colours of the dots on this card, one per dot, when who voted may be shown. */
  colors: string[];
  hidden: boolean;
  top: boolean;
}

function cardVote(board: VoteBoard | null, card: CardRec, kind: LaneKind): CardVote | null {
  if (!board || board.journeyId !== card.journeyId || !votable(board.setup, kind)) return null;
  const { setup } = board;
  const tally = board.tally.get(card.id);
  const mine = board.mine[card.id] ?? 0;
  // Anonymous until closed: each sees only their own dots.
  const hidden = setup.open && setup.anonymous;
  const total = hidden ? mine : (tally?.total ?? 0);
  if (!setup.open && total === 0) return null;
  return {
    open: setup.open,
    total,
    mine,
    canGive: setup.open && board.left !== 0,
    colors: hidden || board.solo ? [] : (tally?.by ?? []).map((b) => b.color),
    hidden,
    top: board.top.has(card.id),
  };
}

/**
 * A card's dots during a vote, beside the card rather than in it (the card is itself a button):
 * its tally, `Vote for <title>` and, once this person has a dot on it, `Remove vote for <title>`.
 */
export function VoteStrip({ card, kind }: { card: CardRec; kind: LaneKind }) {
  const app = useApp();
  // A string, so a dot on another card does not redraw this one.
  const key = useStore(app.votes, (s) => JSON.stringify(cardVote(s.board, card, kind)));
  const parsed = JSON.parse(key) as CardVote | null;
  // A view link sees the dots, and spends none.
  const viewOnly = useViewOnly(card.journeyId);
  if (!parsed) return null;
  const vote = viewOnly ? { ...parsed, open: false } : parsed;
  const title = card.title.trim() === '' ? t('card.untitled') : card.title;
  const spend = (give: boolean) => {
    const board = app.votes.getState().board;
    if (board) spendDot(board.share, card.journeyId, card.id, give);
  };
  const tallyLabel = vote.hidden ? t('vote.yours', { count: vote.total }) : t('card.votes', { count: vote.total });
  return (
    <div className={`vote-strip nodrag nopan${vote.top ? ' vote-strip--top' : ''}`}>
      {vote.open && vote.mine > 0 && (
        <button
          type="button"
          className="vote-strip__button"
          aria-label={t('vote.remove', { title })}
          title={t('vote.remove', { title })}
          onClick={(e) => {
            e.stopPropagation();
            spend(false);
          }}
        >
          −
        </button>
      )}
      <span className="vote-strip__tally" title={tallyLabel}>
        {vote.colors.length > 0 && vote.colors.length <= DOTS_DRAWN ? (
          <span className="vote-strip__dots" aria-hidden="true">
            {vote.colors.map((c, i) => (
              <span key={i} className="vote-strip__dot" style={{ background: c }} />
            ))}
          </span>
        ) : (
          <span aria-hidden="true">●</span>
        )}
        <span className="vote-strip__count">{vote.total}</span>
        <span className="visually-hidden">{tallyLabel}</span>
      </span>
      {vote.open && (
        <button
          type="button"
          className="vote-strip__button vote-strip__button--give"
          aria-label={t('vote.give', { title })}
          title={vote.canGive ? t('vote.give', { title }) : t('vote.noneLeft')}
          disabled={!vote.canGive}
          onClick={(e) => {
            e.stopPropagation();
            spend(true);
          }}
        >
          +
        </button>
      )}
    </div>
  );
}
