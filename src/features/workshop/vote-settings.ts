import { newVote, type VoteKind, type VoteSetup } from '../../domain/vote';

/** How the facilitator last set up a vote: `Start vote` starts the next one the same way. */
export type VoteSettings = Pick<VoteSetup, 'kinds' | 'dots' | 'anonymous' | 'people'>;

const KEY = 'journey-canvas:vote-settings';
const BOTH: readonly VoteKind[] = ['painPoints', 'opportunities'];
export const DEFAULT_VOTE: VoteSettings = { kinds: BOTH, dots: 3, anonymous: false, people: null };

/** The settings kept in this browser, if they still make a valid vote; else the defaults. */
export function readVoteSettings(storage: Storage | null): VoteSettings {
  try {
    const saved = JSON.parse(storage?.getItem(KEY) ?? 'null') as VoteSettings | null;
    if (!saved) return DEFAULT_VOTE;
    const { kinds, dots, anonymous, people } = newVote({ ...saved, id: '', journeyId: '' });
    return { kinds, dots, anonymous: anonymous === true, people };
  } catch {
    return DEFAULT_VOTE;
  }
}

export function keepVoteSettings(storage: Storage | null, settings: VoteSettings): void {
  try {
    storage?.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Not kept (storage full or disabled): the next vote starts with the defaults.
  }
}
