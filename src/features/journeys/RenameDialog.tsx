import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DomainError } from '../../domain/command';
import { renameJourney } from '../../domain/journey-commands';
import type { Id } from '../../domain/types';
import { workspace } from '../../store';
import { Dialog, DialogClose } from '../../ui/Dialog';
import { showToast } from '../../ui/toast-store';

export function RenameDialog({ journeyId, initial, onClose }: { journeyId: Id; initial: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const fieldId = useId();
  const errorId = useId();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    try {
      if (title.trim() !== initial) workspace.dispatch(renameJourney(journeyId, title));
    } catch (err) {
      if (err instanceof DomainError) {
        setError(t(`validation.${err.code}`, err.params));
        return;
      }
      throw err;
    }
    onClose();
    showToast(t('journeys.renamed'));
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('rename.title')}>
      <form onSubmit={submit} className="form" noValidate>
        <label htmlFor={fieldId}>{t('rename.field')}</label>
        <input
          id={fieldId}
          className="input"
          value={title}
          autoFocus
          onFocus={(e) => e.target.select()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setError(null);
          }}
        />
        {error && (
          <p id={errorId} className="field-error">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <DialogClose asChild>
            <button type="button" className="button button--ghost">
              {t('rename.cancel')}
            </button>
          </DialogClose>
          <button type="submit" className="button button--primary">
            {t('rename.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
