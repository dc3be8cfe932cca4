import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { runCommand } from '../../app/commands';
import { renameJourney } from '../../domain/journey-commands';
import type { Id } from '../../domain/types';
import { Dialog, DialogButtons } from '../../ui/Dialog';
import { TextField } from '../../ui/Field';
import { useApp } from '../../app/app-context';

export default function RenameDialog({
  journeyId,
  initial,
  onClose,
}: {
  journeyId: Id;
  initial: string;
  onClose: () => void;
}) {
  const app = useApp();
  const { t } = useTranslation();
  const [title, setTitle] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() !== initial) {
      const result = runCommand(app, renameJourney(journeyId, title));
      if (!result.ok) return setError(result.message);
    }
    onClose();
    app.toasts.show(t('journeys.renamed'));
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('rename.title')}>
      <form onSubmit={submit} className="form" noValidate>
        <TextField
          label={t('rename.field')}
          value={title}
          autoFocus
          onFocus={(e) => e.target.select()}
          error={error}
          onChange={(v) => {
            setTitle(v);
            setError(null);
          }}
        />
        <DialogButtons cancel={t('rename.cancel')} submit={t('rename.save')} />
      </form>
    </Dialog>
  );
}
