import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import { newVote, recordVotes } from '../../domain/vote';
import { run } from '../editor/editor-actions';
import { runsRoom, useRoomRole } from '../live/use-room-role';
import { DotsLeft } from './DotsLeft';
import { StartVoteDialog } from './StartVoteDialog';
import { useSessionShare } from './use-session-share';
import { startVote, updateVote } from './vote-share';
import { readVoteSettings } from './vote-settings';
import { randomId } from '../../domain/ids';

/**
 * `Start vote` and, while a vote is open, how many dots are left and `Close vote`. Closing ranks
 * the cards, records the round in the journey and adds the opportunities' dots to their `votes`
 * (one undo step), and shows the results to everyone.
 */
export function VoteControls({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const app = useApp();
  const share = useSessionShare(journeyId);
  const board = useStore(app.votes, (s) => (s.board?.journeyId === journeyId ? s.board : null));
  const role = useRoomRole(journeyId);
  const [setting, setSetting] = useState(false);
  if (!share || role === 'viewer') return null;

  const close = () => {
    if (!board) return;
    // The totals go into the journey first: should that be refused, the vote stays open.
    if (!run(app, recordVotes(journeyId, board.setup, board.rows))) return;
    updateVote(share, journeyId, { open: false });
  };

  if (board?.setup.open) {
    return (
      <span className="vote-controls">
        <DotsLeft board={board} className="vote-controls__left" />
        {runsRoom(role) && (
          <button type="button" className="button button--primary" onClick={close}>
            {t('vote.close')}
          </button>
        )}
      </span>
    );
  }
  // Only the facilitator starts a vote (the server refuses anyone else's).
  if (!runsRoom(role)) return null;
  // Started at once, as last set up (3 dots on pain points and opportunities at first); the
  // settings are one click away.
  const startNow = () => {
    const settings = readVoteSettings(app.localShareStorage);
    startVote(share, newVote({ ...settings, id: randomId(), journeyId, people: share.solo ? settings.people : null }));
  };
  return (
    <>
      <span className="vote-controls">
        <button type="button" className="button" data-shortcut="v" aria-keyshortcuts="V" onClick={startNow}>
          {t('vote.start')}
        </button>
        <button
          type="button"
          className="button button--icon"
          aria-label={t('vote.settings')}
          title={t('vote.settings')}
          onClick={() => setSetting(true)}
        >
          <span aria-hidden="true">⚙</span>
        </button>
      </span>
      {setting && <StartVoteDialog journeyId={journeyId} share={share} onClose={() => setSetting(false)} />}
    </>
  );
}
