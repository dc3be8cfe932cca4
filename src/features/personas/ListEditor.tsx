import { LIMITS } from '../../domain/types';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A list of short texts, edited item by item: add, reorder, remove. */
export function ListEditor({
  label,
  itemLabel,
  items,
  onChange,
}: {
  label: string;
  itemLabel: string;
  items: string[];
  onChange: (items: string[]) => void;
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  // After `Add`, the new row takes the focus: typing goes into it, not to the button (where a
  // space would add one more empty row).
  const [focusLast, setFocusLast] = useState(false);
  useEffect(() => {
    if (!focusLast) return;
    setFocusLast(false);
    list.current?.querySelector<HTMLInputElement>('li:last-child input')?.focus();
  }, [focusLast, items.length]);
  const set = (i: number, v: string) => onChange(items.map((x, j) => (j === i ? v : x)));
  const move = (i: number, d: number) => {
    const next = [...items];
    const [x] = next.splice(i, 1);
    next.splice(i + d, 0, x!);
    onChange(next);
  };
  return (
    <fieldset className="list-editor">
      <legend>{label}</legend>
      {items.length > 0 && (
        <ol ref={list}>
          {items.map((item, i) => (
            <li key={i}>
              <input
                className="input"
                dir="auto"
                aria-label={`${itemLabel} ${i + 1}`}
                value={item}
                maxLength={LIMITS.listItemLength}
                onChange={(e) => set(i, e.target.value)}
              />
              <button
                type="button"
                className="icon-button"
                aria-label={t('personas.moveUp', { item: `${itemLabel} ${i + 1}` })}
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('personas.moveDown', { item: `${itemLabel} ${i + 1}` })}
                disabled={i === items.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('personas.remove', { item: `${itemLabel} ${i + 1}` })}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
      )}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([...items, '']);
          setFocusLast(true);
        }}
      >
        {t('personas.addItem', { item: itemLabel.toLocaleLowerCase() })}
      </button>
    </fieldset>
  );
}
