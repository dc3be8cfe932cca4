import { useEffect, useState } from 'react';
import type { Id } from '../domain/types';
import { useApp, useWorkspace } from './app-context';

export type LoadState = 'ready' | 'loading' | 'failed';

/**
 * Reads the parts of the given journeys if they are not in memory yet, and says whether they
 * are; `retry` tries again after a failed read.
 */
export function useLoadedJourneys(journeyIds: readonly Id[]): { state: LoadState; retry: () => void } {
  // A string, so a new array of the same ids does not read again.
  const app = useApp();
  const missing = useWorkspace((s) => JSON.stringify(journeyIds.filter((id) => s.unloaded[id])));
  const [failed, setFailed] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const ids = JSON.parse(missing) as Id[];
    if (ids.length === 0) return;
    let live = true;
    app.loadJourneys(ids).catch(() => {
      if (live) setFailed(missing);
    });
    return () => {
      live = false;
    };
  }, [app, missing, attempt]);
  const state: LoadState = missing === '[]' ? 'ready' : failed === missing ? 'failed' : 'loading';
  return {
    state,
    retry: () => {
      setFailed(null);
      setAttempt((n) => n + 1);
    },
  };
}
