import { registerSW } from 'virtual:pwa-register';
import { i18n } from '../i18n';
import type { App } from './create-app';

/**
 * Registers the service worker that keeps the app's files (built by vite-plugin-pwa): after one
 * visit the app opens with no network. A new version is not taken on by itself: it is announced,
 * and loads when the user says so, after the open work is saved. Loaded after the app has started,
 * so the first bundle does not carry it.
 */
export function keepAppOffline(app: App): void {
  const update = registerSW({
    immediate: true,
    onNeedRefresh() {
      app.toasts.show(i18n.t('app.updateReady'), {
        durationMs: Infinity,
        action: {
          label: i18n.t('app.reloadToUpdate'),
          run: () => void app.flush().then(() => update(true)),
        },
      });
    },
  });
}
