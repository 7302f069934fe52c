import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The hosted pages' bundle, served by the BFF under /connect/ (`npm start` builds it). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/connect/',
  plugins: [react()],
  build: {
    outDir: '../dist/hosted',
    emptyOutDir: true,
    copyPublicDir: false,
    chunkSizeWarningLimit: 2_000,
  },
});
