import { i18n } from '../../i18n';
import { showToast } from '../../ui/toast-store';

// Image and CSV exports are loaded when first used, not with the editor.
const load = () => import('../../export/journey-exports');
export type JourneyExports = Awaited<ReturnType<typeof load>>;

/** Runs an export once its code has arrived; a chunk that cannot be fetched is said, not swallowed. */
export function withExports(action: (exports: JourneyExports) => unknown): void {
  void load()
    .then(action)
    .catch(() => showToast(i18n.t('export.failed'), { tone: 'error' }));
}
