/**
 * Vite build for the browser client: `npx vite build --config client/vite.config.ts`.
 * The server serves the output from dist/client; the manifest lets the size check
 * find the entry chunk and its static imports.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/**
 * Lit's `css` templates ship as written: indentation, line breaks and comments. This squeezes the
 * literal parts of each `css\`…\`` in our sources (comments dropped, runs of white space made one),
 * which the browser parses the same; interpolations (`${…}`) are left alone.
 */
export function squeezeLitCss(): Plugin {
  const squeeze = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':');
  return {
    name: 'squeeze-lit-css',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]client[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`((?:[^`\\]|\\.)*)`/g, (_all, body: string) => {
        // Squeeze only the text between interpolations.
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part) => (part.startsWith('${') ? part : squeeze(part))).join('')}\``;
      });
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [squeezeLitCss()],
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
              priority: 3,
            },
            // What the first screen imports (the login page, the shell, the API client) is claimed
            // here first, so that the groups below never pull it off the first load.
            { name: 'boot', tags: ['$initial'], priority: 2 },
            // What every logged-in screen shares (the API calls' core, the live connection, the
            // labels, formats and placards, the state media's calls, context consumers): one chunk, not a dozen of 1 KB each.
            {
              name: 'shared',
              test: /client[\\/]src[\\/](core[\\/]|ui[\\/]|media[\\/]api\.ts)|node_modules[\\/]@lit[\\/]context[\\/]/,
              priority: 1,
            },
            // The network a persona browses: the frame and every site app (state media, boards,
            // chat, social, library, plain pages) in one chunk, so a deep link to an article, a board
            // or a room waits for one script after the shell's, not for a chain of them. The staff
            // screens (the desk, moderation, the monitor) stay apart.
            {
              name: 'network',
              test: /client[\\/]src[\\/](browser|media[\\/](?!desk|cis-one-way-channel)|boards[\\/](?!moderation)|chat[\\/](?!monitor)|social|library|pages)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
});
