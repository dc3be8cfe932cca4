import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from '../../i18n';
import { LimitHint } from '../../ui/LimitHint';

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; `emptyLabel` adds a choice meaning "not set". */
export function SelectField({
  label,
  value,
  options,
  emptyLabel,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: Option[];
  emptyLabel?: string;
  onChange: (v: string | undefined) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        className="input"
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Why a typed number is refused, in the user's language; null when it is fine. */
function numberProblem(
  t: TFunction,
  n: number,
  label: string,
  min: number | undefined,
  max: number | undefined,
  whole: boolean,
): string | null {
  if (!Number.isFinite(n)) return t('field.number', { label });
  if (min !== undefined && max !== undefined && (n < min || n > max)) return t('field.range', { label, min, max });
  if (min !== undefined && n < min) return t('field.min', { label, min });
  if (max !== undefined && n > max) return t('field.max', { label, max });
  if (whole && !Number.isInteger(n)) return t('field.whole', { label });
  return null;
}

/**
 * A number box that lets the user pass through half-typed values ("-", "4.") and hands on only
 * valid numbers (or `undefined` when emptied, for optional fields). A refused value is said in
 * words under the box; leaving the box puts back the value the card keeps.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  optional,
  onChange,
}: {
  label: string;
  value: number | undefined;
  min?: number;
  max?: number;
  step?: number | 'any';
  optional?: boolean;
  onChange: (v: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (value !== (text.trim() === '' ? undefined : Number(text))) {
      setText(value === undefined ? '' : String(value));
      setProblem(null);
    }
    // Follow outside changes (undo, another tab) without fighting the user's typing.
  }, [value]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="number"
        inputMode="decimal"
        min={min}
        max={max}
        step={step ?? 1}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          // A number box reports text it cannot read ("1e", "--") as empty, with badInput set.
          if (e.target.validity.badInput) {
            setProblem(t('field.number', { label }));
            return;
          }
          if (raw.trim() === '') {
            setProblem(optional ? null : t('field.required', { label }));
            if (optional) onChange(undefined);
            return;
          }
          const n = Number(raw);
          const refused = numberProblem(t, n, label, min, max, step !== 'any');
          setProblem(refused);
          if (!refused) onChange(n);
        }}
        onBlur={() => setText(value === undefined ? '' : String(value))}
      />
      {problem && (
        <p id={`${id}-problem`} className="field__problem" role="alert">
          {problem} {value !== undefined ? t('field.kept', { value }) : ''}
        </p>
      )}
    </div>
  );
}

/**
 * What a text field of `Card details` adds in a live journey: read-only while someone else holds
 * it (still readable and focusable), focus and blur to claim and let go of it, and the status
 * that says who holds it.
 */
export interface HeldProps {
  readOnly?: boolean;
  onFocus?: () => void;
  onBlur?: () => void;
  describedBy?: string;
}

const describedBy = (id: string, more: string | undefined) => (more ? `${id}-limit ${more}` : `${id}-limit`);

/**
 * A text area; with `enterKeeps`, Enter does not start a new line (Shift+Enter does), as in the
 * title edited on the map: a card's title is typed and Enter pressed, and no stray line break
 * ends up in it.
 */
export function TextAreaField({
  label,
  value,
  maxLength,
  rows = 2,
  enterKeeps,
  onChange,
  inputRef,
  readOnly,
  onFocus,
  onBlur,
  describedBy: more,
}: {
  label: string;
  value: string;
  maxLength: number;
  rows?: number;
  enterKeeps?: boolean;
  onChange: (v: string) => void;
  inputRef?: React.Ref<HTMLTextAreaElement>;
} & HeldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        ref={inputRef}
        className="input"
        dir="auto"
        rows={rows}
        maxLength={maxLength}
        value={value}
        readOnly={readOnly}
        onFocus={onFocus}
        onBlur={onBlur}
        aria-describedby={describedBy(id, more)}
        onKeyDown={(e) => {
          if (enterKeeps && e.key === 'Enter' && !e.shiftKey && !e.ctrlKey && !e.metaKey && !e.nativeEvent.isComposing)
            e.preventDefault();
        }}
        onChange={(e) => onChange(e.target.value)}
      />
      <LimitHint id={`${id}-limit`} label={label} length={value.length} maxLength={maxLength} />
    </div>
  );
}

export function LineField({
  label,
  value,
  maxLength,
  onChange,
  readOnly,
  onFocus,
  onBlur,
  describedBy: more,
}: {
  label: string;
  value: string;
  maxLength: number;
  onChange: (v: string) => void;
} & HeldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        dir="auto"
        value={value}
        maxLength={maxLength}
        readOnly={readOnly}
        onFocus={onFocus}
        onBlur={onBlur}
        aria-describedby={describedBy(id, more)}
        onChange={(e) => onChange(e.target.value)}
      />
      <LimitHint id={`${id}-limit`} label={label} length={value.length} maxLength={maxLength} />
    </div>
  );
}
