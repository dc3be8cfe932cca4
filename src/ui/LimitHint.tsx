import { useTranslation } from 'react-i18next';

/** Near a length limit, how much is left; at the limit, that the rest was not taken. */
export function LimitHint({
  id,
  label,
  length,
  maxLength,
}: {
  id: string;
  label: string;
  length: number;
  maxLength: number;
}) {
  const { t } = useTranslation();
  if (length < maxLength * 0.9) return null;
  return (
    <p id={id} className={length >= maxLength ? 'field__problem' : 'field__hint'} aria-live="polite">
      {length >= maxLength
        ? t('field.limitReached', { label, max: maxLength })
        : t('field.charactersLeft', { count: maxLength - length })}
    </p>
  );
}
