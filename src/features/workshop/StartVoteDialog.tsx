import '../../i18n/en-workshop';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../domain/command';
import { randomId } from '../../domain/ids';
import { newVote, VOTE_DOTS_MAX, VOTE_DOTS_MIN, VOTE_PEOPLE_MAX, type VoteKind } from '../../domain/vote';
import type { SessionShare } from '../../app/session-share';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { startVote } from './vote-share';

const CHOICES: Record<string, readonly VoteKind[]> = {
  both: ['painPoints', 'opportunities'],
  painPoints: ['painPoints'],
  opportunities: ['opportunities'],
};

/** The facilitator sets up a dot vote: on what, how many dots each, and whether tallies show before the end. */
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
  const [on, setOn] = useState('both');
  const [dots, setDots] = useState('3');
  const [people, setPeople] = useState('');
  const [anonymous, setAnonymous] = useState(false);
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
      onClose();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      setError(t(`domainError.${err.code}`));
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('vote.start')} description={t('vote.explain')}>
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
