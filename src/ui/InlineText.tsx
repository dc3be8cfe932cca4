import { useEffect, useId, useRef, useState } from 'react';
import { LimitHint } from './LimitHint';

/**
 * A one-line editor in place: Enter or leaving the field keeps the text, Escape throws it away.
 * `nodrag` keeps React Flow from treating text selection as a drag.
 */
export function InlineText({
  value,
  label,
  onCommit,
  onCancel,
  multiline = false,
  maxLength,
}: {
  value: string;
  label: string;
  onCommit: (text: string) => void;
  onCancel: () => void;
  multiline?: boolean;
  maxLength?: number;
}) {
  const [text, setText] = useState(value);
  const hintId = useId();
  const done = useRef(false);
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  const props = {
    ref,
    className: 'inline-text nodrag nopan nowheel',
    'aria-label': label,
    // People write in any language: Arabic or Hebrew text reads right to left, punctuation and all.
    dir: 'auto',
    value: text,
    maxLength,
    'aria-describedby': maxLength ? hintId : undefined,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
    onBlur: () => finish(true),
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        // Keeps the text and lets the editor add the next card (Ctrl/Cmd+Enter).
        finish(true);
        return;
      }
      e.stopPropagation();
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        finish(true);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        finish(false);
      }
    },
  };
  return (
    <>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
      {maxLength !== undefined && <LimitHint id={hintId} label={label} length={text.length} maxLength={maxLength} />}
    </>
  );
}
