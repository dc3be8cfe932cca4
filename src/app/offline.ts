import { registerSW } from 'virtual:pwa-register';

/**
 * Registers the service worker that keeps the app's files (built by vite-plugin-pwa): from the
 * second visit on, the app opens with no network. Loaded after the app has started, so the first
 * bundle does not carry it.
 */
export function keepAppOffline(): void {
  void registerSW({ immediate: true });
}
