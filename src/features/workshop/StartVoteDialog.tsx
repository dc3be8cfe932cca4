import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../domain/command';
import { randomId } from '../../domain/ids';
import { newVote, VOTE_DOTS_MAX, VOTE_DOTS_MIN, VOTE_PEOPLE_MAX, type VoteKind } from '../../domain/vote';
import type { SessionShare } from '../../app/session-share';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { startVote } from './vote-share';
import { keepVoteSettings, readVoteSettings } from './vote-settings';
import { useApp } from '../../app/app-context';

const CHOICES: Record<string, readonly VoteKind[]> = {
  both: ['painPoints', 'opportunities'],
  painPoints: ['painPoints'],
  opportunities: ['opportunities'],
};

/**
 * The facilitator sets up a dot vote (on what, how many dots each, whether tallies show before the
 * end) and starts it; `Start vote` starts the next one the same way.
 */
export function StartVoteDialog({
  journeyId,
  share,
  onClose,
}: {
  journeyId: string;
  share: SessionShare;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const app = useApp();
  const [initial] = useState(() => readVoteSettings(app.localShareStorage));
  const [on, setOn] = useState(
    () => Object.keys(CHOICES).find((k) => CHOICES[k]!.join() === initial.kinds.join()) ?? 'both',
  );
  const [dots, setDots] = useState(String(initial.dots));
  const [people, setPeople] = useState(initial.people === null ? '' : String(initial.people));
  const [anonymous, setAnonymous] = useState(initial.anonymous);
  const [error, setError] = useState<string | null>(null);
  const ids = { on: useId(), dots: useId(), people: useId(), error: useId() };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      const setup = newVote({
        id: randomId(),
        journeyId,
        kinds: CHOICES[on]!,
        dots: Number(dots.trim() === '' ? NaN : dots),
        anonymous,
        people: !share.solo || people.trim() === '' ? null : Number(people),
      });
      startVote(share, setup);
      keepVoteSettings(app.localShareStorage, {
        kinds: setup.kinds,
        dots: setup.dots,
        anonymous: setup.anonymous,
        // A head count is the room's, not the session's: kept for the next solo vote only.
        people: share.solo ? setup.people : initial.people,
      });
      onClose();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      setError(t(`domainError.${err.code}`));
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('vote.settings')} description={t('vote.explain')}>
      <form className="form" onSubmit={submit} noValidate>
        <label htmlFor={ids.on}>{t('vote.on')}</label>
        <select id={ids.on} className="input" value={on} onChange={(e) => setOn(e.target.value)}>
          {Object.keys(CHOICES).map((k) => (
            <option key={k} value={k}>
              {t(`vote.kinds.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.dots}>{t('vote.dots')}</label>
        <input
          id={ids.dots}
          className="input"
          type="number"
          inputMode="numeric"
          min={VOTE_DOTS_MIN}
          max={VOTE_DOTS_MAX}
          step={1}
          value={dots}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(e) => {
            setDots(e.target.value);
            setError(null);
          }}
        />
        {share.solo && (
          <>
            <label htmlFor={ids.people}>{t('vote.people')}</label>
            <input
              id={ids.people}
              className="input"
              type="number"
              inputMode="numeric"
              min={1}
              max={VOTE_PEOPLE_MAX}
              step={1}
              value={people}
              placeholder={t('vote.peopleAny')}
              onChange={(e) => {
                setPeople(e.target.value);
                setError(null);
              }}
            />
            <p className="form__hint">{t('vote.soloHint')}</p>
          </>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} />
          {t('vote.anonymous')}
        </label>
        {error && (
          <p id={ids.error} className="field-error" role="alert">
            {error}
          </p>
        )}
        <DialogButtons cancel={t('vote.cancel')} submit={t('vote.start')} />
      </form>
    </Dialog>
  );
}
