import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addMinute,
  endsAt,
  formatClock,
  isFinished,
  isRunning,
  newTimer,
  pause,
  remaining,
  reset,
  start,
  TIMER_MAX_MS,
  TIMER_MINUTES,
  type Timer,
} from '../../domain/workshop-timer';
import { playChime } from './chime';
import { toggleSound } from './workshop-state';
import { useWorkshopTimer } from './use-workshop-timer';
import { runsRoom, useRoomRole } from '../live/use-room-role';
import { askFitPreset } from '../editor/editor-state';
import { useWorkshop, useApp } from '../../app/app-context';

/** Redraws every quarter second while the timer runs, so the clock never lags a second behind. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [running]);
  return now;
}

function useFullScreen(): { supported: boolean; on: boolean; toggle: () => void } {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const sync = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', sync);
    return () => document.removeEventListener('fullscreenchange', sync);
  }, []);
  const toggle = () => {
    // Refused (an iframe without permission, a browser setting): the page simply stays as it is.
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
  return { supported: document.fullscreenEnabled, on, toggle };
}

/** Fit width shows everything across; then three stages; then one. */
const FIT_KEYS = { width: '0', threeStages: '3', oneStage: '1' } as const;

/** A button drawn as a symbol, named by `label` (its tooltip too, unless a longer `hint` is given). */
function IconButton({
  label,
  hint,
  pressed,
  primary,
  disabled,
  onClick,
  shortcut,
  children,
}: {
  label: string;
  /** A one-key shortcut (see useEditorKeys). */
  shortcut?: string;
  hint?: string;
  pressed?: boolean;
  primary?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={primary ? 'button button--primary button--symbol' : 'button button--symbol'}
      aria-label={label}
      title={hint ?? label}
      aria-pressed={pressed}
      disabled={disabled}
      data-shortcut={shortcut}
      aria-keyshortcuts={shortcut?.toUpperCase()}
      onClick={onClick}
    >
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

/** The time left, as the room reads it: the workshop bar's clock and a participant's alike. */
export function Clock({ left, done, className }: { left: number; done: boolean; className: string }) {
  const { t } = useTranslation();
  return (
    <span
      role="timer"
      aria-label={t('workshop.timeLeft')}
      className={done ? `${className} workshop-bar__clock--done` : className}
    >
      {formatClock(left)}
    </span>
  );
}

/** Where a timer is now, redrawn while it runs. */
export function useCountdown(timer: Timer) {
  const running = timer.startedAt !== null;
  const now = useNow(running);
  return { running, now, left: remaining(timer, now), done: isFinished(timer, now) };
}

/** Time-up is said and chimed when it happens, not again on a reload long after. */
const TIME_UP_FRESH_MS = 5_000;

/**
 * Announces the end, then stops the timer at 0:00 (no longer running: said once) until it is
 * started or reset. In a live session every screen says it; the first to stop it stops it for all.
 */
export function useTimeUp(timer: Timer, up: boolean, change: (fn: (t: Timer) => Timer) => void): void {
  const app = useApp();
  const { t } = useTranslation();
  const end = endsAt(timer);
  useEffect(() => {
    if (!up || end === null) return;
    if (Date.now() - end < TIME_UP_FRESH_MS) {
      app.toasts.show(t('workshop.timeUp'), { durationMs: 10_000 });
      if (app.workshop.getState().sound) playChime();
    }
    change((x) => pause(x, Date.now()));
    // `change` is made anew each render; what it changes is named by `end`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.toasts, app.workshop, up, end, t]);
}

/** The room's clock, with its controls for whoever runs the room, and the chime's switch. */
function TimerTools({ journeyId }: { journeyId: string }) {
  const app = useApp();
  const { t } = useTranslation();
  const { timer, change } = useWorkshopTimer(journeyId);
  const { running, now, left, done } = useCountdown(timer);
  const runs = runsRoom(useRoomRole(journeyId));
  // Only the facilitator writes the room's timer (the server refuses anyone else): the others only hear it end.
  useTimeUp(timer, running && done, runs ? change : () => undefined);

  const minutes = Math.round(timer.durationMs / 60_000);
  const sound = useWorkshop((s) => s.sound);
  // A length grown by "+1 minute" is listed too, so the list always says the timer's length.
  const lengths = TIMER_MINUTES.includes(minutes as (typeof TIMER_MINUTES)[number])
    ? TIMER_MINUTES
    : [...TIMER_MINUTES, minutes].sort((a, b) => a - b);
  return (
    <>
      <Clock left={left} done={done} className="workshop-bar__clock" />
      {/* The room's timer is the facilitator's to run; everyone else reads it. */}
      {runs && (
        <>
          <select
            className="input input--inline"
            aria-label={t('workshop.length')}
            value={minutes}
            onChange={(e) => change(() => newTimer(Number(e.target.value)))}
          >
            {lengths.map((m) => (
              <option key={m} value={m}>
                {t('workshop.minutes', { count: m })}
              </option>
            ))}
          </select>
          {/* One slim bar: icons for the timer's controls, each named in full for screen readers and tooltips. */}
          {isRunning(timer, now) ? (
            <IconButton label={t('workshop.pause')} shortcut="t" onClick={() => change((x) => pause(x, Date.now()))}>
              ⏸
            </IconButton>
          ) : (
            <IconButton
              label={timer.elapsedMs > 0 && !done ? t('workshop.resume') : t('workshop.start')}
              primary
              shortcut="t"
              onClick={() => change((x) => start(x, Date.now()))}
            >
              ▶
            </IconButton>
          )}
          <IconButton
            label={t('workshop.reset')}
            disabled={timer.elapsedMs === 0 && !running}
            onClick={() => change(reset)}
          >
            ↺
          </IconButton>
          <button
            type="button"
            className="button"
            title={t('workshop.addMinute')}
            data-shortcut="m"
            aria-keyshortcuts="M"
            disabled={timer.durationMs + 60_000 > TIMER_MAX_MS}
            onClick={() => change((x) => addMinute(x, Date.now()))}
          >
            {t('workshop.addMinute')}
          </button>
        </>
      )}
      <IconButton
        label={t('workshop.sound')}
        hint={t('workshop.soundHint')}
        pressed={sound}
        onClick={() => toggleSound(app.workshop)}
      >
        {sound ? '🔔' : '🔕'}
      </IconButton>
    </>
  );
}

/** The room's zoom presets and full screen. */
function ViewTools() {
  const app = useApp();
  const { t } = useTranslation();
  const fullScreen = useFullScreen();
  return (
    <>
      <span className="workshop-bar__zoom" role="group" aria-label={t('workshop.zoom')}>
        {(['width', 'threeStages', 'oneStage'] as const).map((preset) => (
          <button
            key={preset}
            type="button"
            className="button"
            aria-label={t(`workshop.fit.${preset}`)}
            title={t(`workshop.fit.${preset}`)}
            data-shortcut={FIT_KEYS[preset]}
            aria-keyshortcuts={FIT_KEYS[preset]}
            onClick={() => askFitPreset(app.editor, preset)}
          >
            {t(`workshop.fitShort.${preset}`)}
          </button>
        ))}
      </span>
      {fullScreen.supported && (
        <IconButton label={t('workshop.fullScreen')} shortcut="f" pressed={fullScreen.on} onClick={fullScreen.toggle}>
          <svg viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5" />
          </svg>
        </IconButton>
      )}
    </>
  );
}

/**
 * Workshop tools above the map: a time-box timer the whole room can read, the room's zoom and full
 * screen. A slim header puts the timer (`part="timer"`) and the view's tools (`part="view"`) in
 * different rows.
 */
export function WorkshopBar({ journeyId, part }: { journeyId: string; part?: 'timer' | 'view' }) {
  const { t } = useTranslation();
  if (part === 'timer')
    return (
      <div className="workshop-bar" role="group" aria-label={t('slim.timer')}>
        <TimerTools journeyId={journeyId} />
      </div>
    );
  return (
    <div className="workshop-bar" role="group" aria-label={t('workshop.tools')}>
      {part !== 'view' && <TimerTools journeyId={journeyId} />}
      <ViewTools />
    </div>
  );
}
