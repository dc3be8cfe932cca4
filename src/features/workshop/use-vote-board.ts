import { useEffect } from 'react';
import { useApp } from '../../app/app-context';
import type { JourneyParts } from '../../domain/queries';
import type { SessionShare } from '../../app/session-share';
import { voteBoard } from './vote-board';

/** Keeps the app's vote board in step with the open journey's vote and its cards. */
export function useVoteBoard(share: SessionShare | null, parts: JourneyParts | null): void {
  const app = useApp();
  useEffect(() => {
    if (!share || !parts) {
      app.votes.setState({ board: null });
      return;
    }
    const refresh = () => app.votes.setState({ board: voteBoard(share, parts) });
    refresh();
    const off = share.subscribe(refresh);
    return () => {
      off();
      app.votes.setState({ board: null });
    };
  }, [app.votes, share, parts]);
}
