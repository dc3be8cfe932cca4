import { useId, type InputHTMLAttributes } from 'react';
import { LimitHint } from './LimitHint';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}

/**
 * A labelled text box whose error message is tied to it for screen readers; near its length
 * limit it says how much is left.
 */
export function TextField({ label, value, onChange, error, ...rest }: TextFieldProps) {
  const id = useId();
  const errorId = useId();
  const limitId = useId();
  const described = [error ? errorId : null, rest.maxLength ? limitId : null].filter(Boolean).join(' ') || undefined;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        {...rest}
        id={id}
        className="input"
        dir="auto"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {rest.maxLength !== undefined && (
        <LimitHint id={limitId} label={label} length={value.length} maxLength={rest.maxLength} />
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
