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
    rolldownOptions: {
      output: {
        // What the first screen needs and the lazily loaded screens (and the Korean strings) share:
        // one chunk rather than several tiny ones, each compressed on the wire.
        codeSplitting: {
          groups: [
            {
              name: 'boot',
              test: /node_modules[\\/](@lit[\\/]localize|lit|@lit[\\/]reactive-element|lit-html|lit-element)[\\/]|client[\\/]src[\\/]core[\\/](localization|events)\.ts|server[\\/]protocol[\\/]vocabulary\.ts|vite[\\/]preload-helper/,
            },
          ],
        },
      },
    },
  },
});
