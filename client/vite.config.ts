/**
 * Vite build for the browser client: `npx vite build --config client/vite.config.ts`.
 * The server serves the output from dist/client; the manifest lets the size check
 * find the entry chunk and its static imports.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
  },
});
