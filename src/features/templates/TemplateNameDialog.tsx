import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../domain/command';
import { LIMITS } from '../../domain/types';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';

/**
 * Names a template, when saving one or renaming it. `onSave` may refuse the name (DomainError)
 * or fail to store it; either is said in the dialog, which stays open with what was typed.
 */
export function TemplateNameDialog({
  title,
  initial,
  submit,
  onSave,
  onClose,
}: {
  title: string;
  initial: string;
  submit: string;
  onSave: (name: string) => Promise<void>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await onSave(name);
      onClose();
    } catch (err) {
      setError(err instanceof DomainError ? t(`domainError.${err.code}`, err.params) : t('templates.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={title}>
      <form onSubmit={(e) => void save(e)} className="form" noValidate aria-busy={busy}>
        <TextField
          label={t('templates.name')}
          value={name}
          autoFocus
          maxLength={LIMITS.titleLength}
          error={error}
          onChange={(v) => {
            setName(v);
            setError(null);
          }}
        />
        <DialogButtons cancel={t('templates.cancel')} submit={submit} />
      </form>
    </Dialog>
  );
}
