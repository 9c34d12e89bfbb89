import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

// The bench page (bench/browser): built apart from the app into dist/bench, served beside it.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  build: { outDir: fileURLToPath(new URL('../../dist/bench', import.meta.url)), emptyOutDir: true, chunkSizeWarningLimit: 8000 },
  logLevel: 'warn',
});
