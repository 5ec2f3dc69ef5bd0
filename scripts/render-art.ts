/**
 * Writes the login banner's illustrations as static SVG files (client/public/art/), rendered from
 * the same templates the state sites use (client/src/ui/illustrations/). The login page shows them as
 * images, so they cost its first load no JavaScript. Run after changing a template:
 * `node --import tsx scripts/render-art.ts`.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TemplateResult } from 'lit';
import { flag } from '../client/src/ui/illustrations/flag';
import { sunriseScene } from '../client/src/ui/illustrations/scene';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function isTemplate(v: unknown): v is TemplateResult {
  return typeof v === 'object' && v !== null && 'strings' in v && 'values' in v;
}

/** A template as markup: enough for these SVGs (text, attributes and nested templates, no directives). */
function render(t: TemplateResult): string {
  let out = '';
  t.strings.forEach((s, i) => {
    out += s;
    if (i >= t.values.length) return;
    const v: unknown = t.values[i];
    const text = Array.isArray(v)
      ? v.map((x) => (isTemplate(x) ? render(x) : escape(String(x)))).join('')
      : isTemplate(v)
        ? render(v)
        : escape(String(v));
    out += /=$/.test(s) ? `"${text}"` : text;
  });
  return out;
}

/** The root `<svg>` as a file: the SVG namespace, a size that fills the image, no class or ARIA. */
function asFile(markup: string): string {
  return `${markup
    .replace(/<svg class="[^"]*"/, '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="100%"')
    .replace(/ role="img"| aria-hidden="true"/g, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/\n\s*/g, '')}\n`;
}

const dir = fileURLToPath(new URL('../client/public/art/', import.meta.url));
writeFileSync(`${dir}flag.svg`, asFile(render(flag(''))));
writeFileSync(`${dir}sunrise.svg`, asFile(render(sunriseScene())));
console.log('wrote client/public/art/flag.svg and sunrise.svg');
