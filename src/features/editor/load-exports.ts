import { i18n } from '../../i18n';
import type { Toasts } from '../../ui/toast-store';

// Image and CSV exports are loaded when first used, not with the editor.
const load = () => import('../../export/journey-exports');
export type JourneyExports = Awaited<ReturnType<typeof load>>;

/** Runs an export once its code has arrived; a chunk that cannot be fetched is said, not swallowed. */
export function withExports(toasts: Toasts, action: (exports: JourneyExports) => unknown): void {
  void load()
    .then(action)
    .catch(() => toasts.show(i18n.t('export.failed'), { tone: 'error' }));
}
