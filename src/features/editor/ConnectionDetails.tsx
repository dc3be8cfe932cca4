import { useTranslation } from 'react-i18next';
import { deleteSelection, run } from './editor-actions';
import { updateConnection } from '../../domain/connection-commands';
import type { JourneyParts } from '../../domain/queries';
import { LIMITS, CONNECTION_KINDS, type ConnectionKind } from '../../domain/types';
import { LineField, SelectField } from './fields';
import { useEditor, useApp } from '../../app/app-context';

export function ConnectionDetails({ parts }: { parts: JourneyParts }) {
  const app = useApp();
  const { t } = useTranslation();
  const id = useEditor((s) => s.selectedConnection);
  const x = parts.connections.find((c) => c.id === id);
  if (!x) return null;
  const title = (cardId: string) => parts.cards.find((c) => c.id === cardId)?.title.trim() || t('card.untitled');
  return (
    <section className="details" role="region" aria-label={t('details.connectionRegion')}>
      <h2 className="details__heading">{t('details.connectionRegion')}</h2>
      <p className="details__where">
        {title(x.from)} → {title(x.to)}
      </p>
      <LineField
        label={t('details.label')}
        value={x.label ?? ''}
        maxLength={LIMITS.connectionLabelLength}
        onChange={(v) => run(app, updateConnection(x.id, { label: v }), { mergeKey: `${x.id}:label` })}
      />
      <SelectField
        label={t('details.connectionKind')}
        value={x.kind ?? 'flow'}
        options={CONNECTION_KINDS.map((k) => ({ value: k, label: t(`connection.${k}`) }))}
        onChange={(v) => v && run(app, updateConnection(x.id, { kind: v as ConnectionKind }))}
      />
      <button type="button" className="button button--danger" onClick={() => deleteSelection(app)}>
        {t('details.deleteConnection')}
      </button>
    </section>
  );
}
