import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewOnly } from '../../canvas/use-view-only';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { dismissVote, updateVote } from './vote-share';

/** How many top cards may stand out on the map. */
const HIGHLIGHTS = [0, 1, 3, 5, 10];

/** Which rounds the results add up: the vote just closed, or every round of the journey. */
type Scope = 'last' | 'all';
const SCOPES: readonly Scope[] = ['last', 'all'];
const SCOPE_LABELS = { last: 'vote.lastRound', all: 'vote.allRounds' } as const;

/**
 * Once a vote is closed: the cards ranked (by this round's dots or by all rounds'), which of them
 * stand out on the map, and putting the results away.
 */
export function VoteResults({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const board = useStore(app.votes, (s) => (s.board?.journeyId === journeyId ? s.board : null));
  const viewOnly = useViewOnly(journeyId);
  const [scope, setScope] = useState<Scope>('last');
  const headingId = useId();
  const highlightId = useId();
  const scopeName = useId();
  if (!board || board.setup.open) return null;
  const { setup, share } = board;
  const rows = scope === 'all' ? board.allRows : board.rows;
  const voted = rows.filter((r) => r.votes > 0);
  const unvoted = rows.length - voted.length;
  const painPoints = setup.kinds.includes('painPoints');
  return (
    <section className="vote-results" aria-labelledby={headingId} role="region">
      <h2 id={headingId} className="vote-results__title">
        {t('vote.results')}
      </h2>
      <div className="vote-results__scope" role="radiogroup" aria-label={t('vote.rounds')}>
        {SCOPES.map((s) => (
          <label key={s} className="vote-results__scope-option">
            <input type="radio" name={scopeName} value={s} checked={scope === s} onChange={() => setScope(s)} />
            {t(SCOPE_LABELS[s])}
          </label>
        ))}
      </div>
      {voted.length === 0 ? (
        <p>{t('vote.noVotes')}</p>
      ) : (
        <ol className="vote-results__list">
          {voted.map((row) => (
            <li key={row.card.id} className="vote-results__row" value={row.rank}>
              <span className="vote-results__name" dir="auto">
                {row.card.title.trim() === '' ? t('card.untitled') : row.card.title}
              </span>
              <span className="vote-results__facts">
                {t('card.votes', { count: row.votes })}
                {' · '}
                {t(`lane.${row.kind}`)}
                {row.card.severity && <> · {t(`severity.${row.card.severity}`)}</>}
                {row.card.impact !== undefined && <> · {t('card.impact', { value: row.card.impact })}</>}
                {row.card.effort !== undefined && <> · {t('card.effort', { value: row.card.effort })}</>}
              </span>
            </li>
          ))}
        </ol>
      )}
      {scope === 'all' && <p className="vote-results__note">{t('vote.roundsTotal', { count: board.rounds })}</p>}
      {unvoted > 0 && <p className="vote-results__note">{t('vote.unvoted', { count: unvoted })}</p>}
      <p className="vote-results__note">
        {t('vote.written')} {painPoints && t('vote.painPointsKept')}
      </p>
      {!viewOnly && (
        <div className="vote-results__actions">
          <label htmlFor={highlightId}>{t('vote.highlight')}</label>
          <select
            id={highlightId}
            className="input input--inline"
            value={setup.highlight}
            onChange={(e) => updateVote(share, journeyId, { highlight: Number(e.target.value) })}
          >
            {HIGHLIGHTS.map((n) => (
              <option key={n} value={n}>
                {n === 0 ? t('vote.highlightNone') : t('vote.highlightTop', { count: n })}
              </option>
            ))}
          </select>
          <button type="button" className="button" onClick={() => dismissVote(share)}>
            {t('vote.dismiss')}
          </button>
        </div>
      )}
    </section>
  );
}
