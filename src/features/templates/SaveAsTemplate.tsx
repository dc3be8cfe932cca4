import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp, useWorkspace } from '../../app/app-context';
import type { Id } from '../../domain/types';
import { saveAsTemplate } from './template-store';
import { TemplateNameDialog } from './TemplateNameDialog';

/** `Save as template`: the open journey, as it is now, offered in New journey from then on. */
export function SaveAsTemplate({ journeyId }: { journeyId: Id }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {t('templates.save')}
      </button>
      {open && <SaveAsTemplateDialog journeyId={journeyId} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The template's name, asked for; opened by the button above or by a menu's `Save as template`. */
export function SaveAsTemplateDialog({ journeyId, onClose }: { journeyId: Id; onClose: () => void }) {
  const app = useApp();
  const { t } = useTranslation();
  const title = useWorkspace((s) => s.doc.journeys[journeyId]?.title ?? '');
  return (
    <TemplateNameDialog
      title={t('templates.save')}
      initial={title}
      submit={t('templates.saveSubmit')}
      onSave={async (name) => {
        const rec = await saveAsTemplate(app, journeyId, name);
        app.toasts.show(t('templates.saved', { name: rec.name }));
      }}
      onClose={onClose}
    />
  );
}
