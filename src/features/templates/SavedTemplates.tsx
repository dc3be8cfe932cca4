import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useApp } from '../../app/app-context';
import type { TemplateRec } from '../../storage/db';
import { Menu } from '../../ui/Menu';
import { deleteTemplate, exportTemplate, loadTemplates, renameTemplate } from './template-store';
import { TemplateNameDialog } from './TemplateNameDialog';

/** The user's saved templates on the Journeys screen: each renamed, exported or deleted from its menu. */
export default function SavedTemplates() {
  const app = useApp();
  const { t } = useTranslation();
  const list = useStore(app.templates, (s) => s.list);
  const [renaming, setRenaming] = useState<TemplateRec | null>(null);
  useEffect(() => {
    void loadTemplates(app).catch(() => app.toasts.show(t('templates.readFailed'), { tone: 'error' }));
  }, [app, t]);
  if (!list?.length) return null;

  const remove = async (rec: TemplateRec) => {
    const ok = await app.confirms.ask({
      title: t('templates.deleteTitle', { name: rec.name }),
      message: t('templates.deleteMessage'),
      confirmLabel: t('templates.delete'),
      cancelLabel: t('templates.cancel'),
    });
    if (!ok) return;
    try {
      await deleteTemplate(app, rec.id);
      app.toasts.show(t('templates.deleted', { name: rec.name }));
    } catch {
      app.toasts.show(t('templates.saveFailed'), { tone: 'error' });
    }
  };

  return (
    <section className="saved-templates" aria-labelledby="saved-templates-title">
      <h2 id="saved-templates-title">{t('templates.yours')}</h2>
      <ul className="journey-list">
        {list.map((rec) => (
          <li key={rec.id} className="journey-row">
            <span className="journey-row__title" dir="auto">
              {rec.name}
            </span>
            <Menu
              label={t('templates.actions', { name: rec.name })}
              trigger={<span aria-hidden="true">⋯</span>}
              items={[
                { label: t('templates.rename'), onSelect: () => setRenaming(rec) },
                { label: t('templates.export'), onSelect: () => exportTemplate(rec) },
                { label: t('templates.delete'), onSelect: () => void remove(rec), danger: true },
              ]}
            />
          </li>
        ))}
      </ul>
      {renaming && (
        <TemplateNameDialog
          title={t('templates.renameTitle')}
          initial={renaming.name}
          submit={t('templates.renameSubmit')}
          onSave={(name) => renameTemplate(app, renaming, name)}
          onClose={() => setRenaming(null)}
        />
      )}
    </section>
  );
}
