import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/Field';
import { rememberedName, rememberName } from './your-name';

/**
 * `Your name` and one button, for starting or joining a live session: the name is required and
 * remembered; `onSubmit` returns why it failed, if it did.
 */
export function NameForm({
  submitLabel,
  busyLabel,
  onSubmit,
}: {
  submitLabel: string;
  busyLabel: string;
  onSubmit: (name: string) => Promise<string | null>;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(rememberedName);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('live.nameRequired'));
    rememberName(name.trim());
    setBusy(true);
    const problem = await onSubmit(name.trim());
    // Gone on success (the dialog closes or shows the links): only a failure is shown here.
    if (problem !== null) {
      setError(problem);
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={t('live.yourName')}
        value={name}
        autoFocus
        maxLength={100}
        error={error}
        onChange={(v) => {
          setName(v);
          setError(null);
        }}
      />
      <div className="dialog__actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
