import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { CONTENT_SECURITY_POLICY } from './src/server/csp';

/**
 * `npm start` serves live sessions too: the rooms API and the /live endpoint are mounted on the
 * development server itself (same origin, so the app finds them as it does under `npm run serve`).
 */
function liveSessions(): Plugin {
  return {
    name: 'journey-canvas-live',
    apply: 'serve',
    async configureServer(server) {
      if (process.env.VITEST) return;
      const { createLiveService } = await import('./src/server/live-service');
      const service = createLiveService({ dataDir: process.env.DATA_DIR ?? 'live-data' });
      server.middlewares.use((request, response, next) => {
        service.handleRequest(request, response).then((handled) => handled || next(), next);
      });
      server.httpServer?.on('upgrade', (request, socket, head) => service.handleUpgrade(request, socket, head));
      server.httpServer?.on('close', () => void service.close());
    },
  };
}

/**
 * The built page carries its Content-Security-Policy itself, so it holds wherever the build is
 * served from. Only the build: the development server's page has inline scripts of its own.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'journey-canvas-csp',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  plugins: [
    react(),
    liveSessions(),
    contentSecurityPolicy(),
    // The app's files kept by a service worker: a reload with no network (a participant of a live
    // session who lost it) opens the app, and the journeys and waiting changes in IndexedDB. A new
    // version waits until every tab of the old one is closed, never changing under a user's hands.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        name: 'Journey Canvas',
        short_name: 'Journey Canvas',
        description: 'Local-first customer journey mapping',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f3f5f9',
        theme_color: '#1f3b64',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,ico,woff2,webmanifest}'],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/live/],
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // No source maps in production: the server would hand out the app's sources to anyone.
    sourcemap: false,
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
          setupFiles: ['tests/helpers/english.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'storage',
          environment: 'node',
          include: ['tests/storage/**/*.test.ts'],
          setupFiles: ['tests/storage/setup.ts', 'tests/helpers/english.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A person waits a few seconds for a preview or a save; a loaded CI machine may need them.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
