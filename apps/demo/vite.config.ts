import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The demo's browser bundle; `npm start` builds it and the demo server serves `dist/`. */
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  // The demo bundles every component on one page; its size is measured per component elsewhere.
  build: { outDir: 'dist', emptyOutDir: true, copyPublicDir: false, chunkSizeWarningLimit: 2_000 },
});
