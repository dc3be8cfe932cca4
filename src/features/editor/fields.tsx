import { useEffect, useId, useState } from 'react';

export interface Option {
  value: string;
  label: string;
}

/** A labelled select; `emptyLabel` adds a choice meaning "not set". */
export function SelectField({ label, value, options, emptyLabel, onChange }: { label: string; value: string | undefined; options: Option[]; emptyLabel?: string; onChange: (v: string | undefined) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
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

/**
 * A number box that lets the user pass through half-typed values ("-", "4.") and hands on only
 * numbers (or `undefined` when emptied, for optional fields).
 */
export function NumberField({ label, value, min, max, step, optional, onChange }: { label: string; value: number | undefined; min?: number; max?: number; step?: number | 'any'; optional?: boolean; onChange: (v: number | undefined) => void }) {
  const id = useId();
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    if (value !== (text.trim() === '' ? undefined : Number(text))) setText(value === undefined ? '' : String(value));
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
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          if (raw.trim() === '') {
            if (optional) onChange(undefined);
            return;
          }
          const n = Number(raw);
          if (!Number.isFinite(n)) return;
          if ((min !== undefined && n < min) || (max !== undefined && n > max)) return;
          if (step !== 'any' && !Number.isInteger(n)) return;
          onChange(n);
        }}
      />
    </div>
  );
}

export function TextAreaField({ label, value, maxLength, rows = 2, onChange, inputRef }: { label: string; value: string; maxLength: number; rows?: number; onChange: (v: string) => void; inputRef?: React.Ref<HTMLTextAreaElement> }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={inputRef} className="input" rows={rows} maxLength={maxLength} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function LineField({ label, value, maxLength, onChange }: { label: string; value: string; maxLength: number; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" value={value} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
