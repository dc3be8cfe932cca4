import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { cardChanges, type CardChanges } from '../../domain/change-summary';
import type { CardRec, Id, Workspace } from '../../domain/types';
import type { TFunction } from '../../i18n';

// Another participant's typing arrives a few letters at a time: their edits are told once it settles.
const REMOTE_SETTLE_MS = 1200;

function describe(t: TFunction, doc: Workspace, changes: CardChanges, remote: boolean): string[] {
  const title = (c: CardRec) => c.title.trim() || t('card.untitled');
  const place = (c: CardRec) => {
    const lane = doc.lanes[c.laneId];
    return {
      lane: lane ? lane.title?.trim() || t(`lane.${lane.kind}`) : '',
      stage: doc.stages[c.stageId]?.name ?? '',
    };
  };
  const lines: string[] = [];
  const { added, removed, moved, edited } = changes;
  if (added.length === 1) {
    const c = added[0]!;
    lines.push(
      c.title.trim() ? t('announce.addedNamed', { title: title(c), ...place(c) }) : t('announce.added', place(c)),
    );
  } else if (added.length) lines.push(t('announce.addedMany', { count: added.length }));
  if (removed.length === 1) lines.push(t('announce.removed', { title: title(removed[0]!) }));
  else if (removed.length) lines.push(t('announce.removedMany', { count: removed.length }));
  if (moved.length === 1) lines.push(t('announce.moved', { title: title(moved[0]!), ...place(moved[0]!) }));
  else if (moved.length) lines.push(t('announce.movedMany', { count: moved.length }));
  // One's own typing is heard as it is typed; only someone else's edits are news.
  if (remote && edited.length === 1) lines.push(t('announce.edited', { title: title(edited[0]!) }));
  else if (remote && edited.length) lines.push(t('announce.editedMany', { count: edited.length }));
  return remote ? lines.map((what) => t('announce.byOthers', { what })) : lines;
}

/**
 * Tells screen readers, politely, what happened to the open journey's cards: added, deleted or
 * moved here, and also edited by another participant of a live session. Always in the page and
 * marked `aria-live`, so that an open dialog does not hide it.
 */
export function ChangeAnnouncer({ journeyId }: { journeyId: Id }) {
  const app = useApp();
  const { t } = useTranslation();
  const [message, setMessage] = useState('');

  useEffect(() => {
    const { workspace } = app;
    let before = workspace.getDoc();
    let pending: CardChanges = { added: [], removed: [], moved: [], edited: [] };
    let timer: ReturnType<typeof setTimeout> | null = null;
    const say = (lines: string[]) => {
      if (!lines.length) return;
      // Cleared first, so the same words said twice are heard twice.
      setMessage('');
      requestAnimationFrame(() => setMessage(lines.join(' ')));
    };
    const stop = workspace.onChange((_changed, origin, patches) => {
      const after = workspace.getDoc();
      // Loading a journey, another tab's writes and imports are not edits to announce.
      const told = origin === 'local' || origin === 'live';
      const changes = told ? cardChanges(patches, before, after, journeyId) : null;
      before = after;
      if (!changes) return;
      if (origin === 'local') say(describe(t, after, changes, false));
      else {
        for (const key of ['added', 'removed', 'moved', 'edited'] as const) pending[key].push(...changes[key]);
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => {
          timer = null;
          say(describe(t, workspace.getDoc(), pending, true));
          pending = { added: [], removed: [], moved: [], edited: [] };
        }, REMOTE_SETTLE_MS);
      }
    });
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [app, journeyId, t]);

  return (
    <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="announcer">
      {message}
    </div>
  );
}
