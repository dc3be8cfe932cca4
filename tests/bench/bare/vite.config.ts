import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Built by `npm run bench` into its own folder; never part of the app's build. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true },
});
