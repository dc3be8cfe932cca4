import { createContext, useContext, useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import type { CardRec } from '../../domain/types';
import { LOCK_FIELDS, type LockField } from '../../live/field-lock';
import { useLive } from '../live/use-live';
import { LineField, TextAreaField } from './fields';
import { cardHolders, useFieldLock, type LostText } from './use-field-lock';

/** What the text fields of one card's `Card details` share: the holders' status, and where lost text goes. */
export const CardLockContext = createContext<{ statusId: string; onLost: (lost: LostText) => void } | null>(null);

const ignore = () => undefined;

/** A free-text field of a card in `Card details`, under the live session's soft lock. */
export function CardTextField({
  card,
  field,
  label,
  value,
  maxLength,
  write,
  multiline,
  rows,
  enterKeeps,
  inputRef,
}: {
  card: Pick<CardRec, 'id' | 'journeyId'>;
  field: LockField;
  label: string;
  value: string;
  maxLength: number;
  write: (value: string) => void;
  multiline?: boolean;
  rows?: number;
  enterKeeps?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const shared = useContext(CardLockContext);
  const lock = useFieldLock(card, field, value, write, shared?.onLost ?? ignore);
  const held = {
    readOnly: lock.readOnly,
    onFocus: lock.onFocus,
    onBlur: lock.onBlur,
    describedBy: lock.readOnly ? shared?.statusId : undefined,
  };
  return multiline ? (
    <TextAreaField
      label={label}
      value={lock.value}
      maxLength={maxLength}
      rows={rows}
      enterKeeps={enterKeeps}
      inputRef={inputRef}
      onChange={lock.onChange}
      {...held}
    />
  ) : (
    <LineField label={label} value={lock.value} maxLength={maxLength} onChange={lock.onChange} {...held} />
  );
}

const asField = (raw: string): LockField | undefined => LOCK_FIELDS.find((f) => f === raw);

/** In a live journey: who else is typing in which field of this card ("Dev is editing the title"). */
export function HoldersStatus({ card, id }: { card: Pick<CardRec, 'id' | 'journeyId'>; id: string }) {
  const { t } = useTranslation();
  const live = useLive((s) => s.journeys[card.journeyId] !== undefined);
  const holders = useLive((s) => cardHolders(s, card.journeyId, card.id));
  if (!live) return null;
  return (
    <div id={id} role="status" className="details__editing">
      {holders
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [raw = '', name = ''] = line.split('\u0000');
          const field = asField(raw);
          return field ? (
            <p key={field} className="details__editing-line">
              {t(`details.editingBy.${field}`, { name })}
            </p>
          ) : null;
        })}
    </div>
  );
}

/**
 * Text typed here that was not kept (someone else held the field, or changed it while this device
 * was offline): said, shown and offered to copy.
 */
export function LostTextNotice({ message, text, onDismiss }: { message: string; text: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const app = useApp();
  const id = useId();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      app.toasts.show(t('details.copiedMine'));
    } catch {
      app.toasts.show(t('details.copyMineFailed'), { tone: 'error' });
    }
  };
  return (
    <div className="details__lost">
      <p role="alert">{message}</p>
      <label htmlFor={id}>{t('details.yourText')}</label>
      <textarea id={id} className="input" dir="auto" rows={3} readOnly value={text} />
      <div className="details__row">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('details.copyMine')}
        </button>
        <button type="button" className="button" onClick={onDismiss}>
          {t('details.dismissMine')}
        </button>
      </div>
    </div>
  );
}
