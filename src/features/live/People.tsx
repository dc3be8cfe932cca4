import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParticipantView } from '../../live/roll-call';
import { foldPeople, initials } from './people-fold';
import './people.css';

/** A person's face: their initials on their colour; a ring in their colour once they are gone. */
function Face({ person }: { person: ParticipantView }) {
  return (
    <span
      className={person.connected ? 'people__face' : 'people__face people__face--away'}
      style={person.connected ? { background: person.color } : { borderColor: person.color, color: person.color }}
      // Drawn from an attribute, so the list items' text stays the names alone.
      data-initials={initials(person.name)}
      aria-hidden="true"
    />
  );
}

/**
 * Who is in a live session, folded to a few overlapping faces and "+N" so that a projector's
 * one-line header holds eight people or eighty. The `Participants` list holds every name for
 * screen readers (and tests); its button opens the same names, written out, with a place per
 * person for what one can do with them (`actions`).
 */
export function People({
  people,
  faces = 4,
  actions,
  mark,
}: {
  people: readonly ParticipantView[];
  /** How many faces show before "+N". */
  faces?: number;
  actions?: (person: ParticipantView) => ReactNode;
  /** What everyone sees beside a person (who runs the session). */
  mark?: (person: ParticipantView) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const headingId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const { shown, rest } = foldPeople(people, faces);
  const folded = new Set(shown);
  const name = (p: ParticipantView) => (p.me ? t('live.you', { name: p.name }) : p.name);
  const away = (p: ParticipantView) => (!p.connected && !p.me ? ` ${t('live.notConnected')}` : '');

  useEffect(() => {
    if (!open) return;
    panel.current?.focus();
    // A popover, not a dialog: a press anywhere else or Escape puts it away.
    // A person's menu opens in a layer of its own, outside this one, and is part of it.
    const within = (target: EventTarget | null) =>
      root.current?.contains(target as Node) || (target instanceof Element && !!target.closest('[role="menu"]'));
    const outside = (e: PointerEvent) => {
      if (!within(e.target)) setOpen(false);
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || (e.target instanceof Element && e.target.closest('[role="menu"]'))) return;
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', outside, true);
    document.addEventListener('keydown', escape, true);
    return () => {
      document.removeEventListener('pointerdown', outside, true);
      document.removeEventListener('keydown', escape, true);
    };
  }, [open]);

  return (
    <div className="people" ref={root}>
      <ul className="people__faces" aria-label={t('live.participants')}>
        {shown.map((p) => (
          <li key={p.clientId} className="people__person" title={name(p) + away(p)}>
            <Face person={p} />
            <span className="visually-hidden">
              {name(p)}
              {away(p)}
            </span>
            {mark?.(p)}
          </li>
        ))}
        {/* The folded ones are still in the list, for those who listen rather than look. */}
        {people
          .filter((p) => !folded.has(p))
          .map((p) => (
            <li key={p.clientId} className="visually-hidden">
              {name(p)}
              {away(p)}
              {mark?.(p)}
            </li>
          ))}
      </ul>
      <button
        ref={button}
        type="button"
        className="button people__toggle"
        aria-expanded={open}
        aria-controls={open ? popoverId : undefined}
        aria-label={t('people.show', { n: people.length })}
        title={t('people.show', { n: people.length })}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">{rest > 0 ? t('people.more', { n: rest }) : '▾'}</span>
      </button>
      {open && (
        <div
          ref={panel}
          id={popoverId}
          className="people__popover"
          role="dialog"
          aria-labelledby={headingId}
          tabIndex={-1}
        >
          <div className="people__head">
            <h2 id={headingId} className="people__title">
              {t('people.title', { n: people.length })}
            </h2>
            <button
              type="button"
              className="button button--icon"
              aria-label={t('people.close')}
              onClick={() => {
                setOpen(false);
                button.current?.focus();
              }}
            >
              ×
            </button>
          </div>
          <ul className="people__list" aria-labelledby={headingId}>
            {people.map((p) => (
              <li key={p.clientId} className={p.connected || p.me ? 'people__row' : 'people__row people__row--away'}>
                <Face person={p} />
                <span className="people__name" dir="auto">
                  {name(p)}
                  {away(p) && <span className="people__state">{away(p)}</span>}
                </span>
                {mark?.(p)}
                {/* Per-person actions (handing over the facilitator's role, …) go here. */}
                <span className="people__actions">{actions?.(p)}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
