/**
 * Article bodies: Markdown rendered to HTML, with any HTML in the source shown as
 * text (escaped, never passed through) and the output sanitised to a small allowlist.
 */
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const marked = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    // Raw HTML in a body is shown as the text it is.
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    // No links out of a closed network, and no images: both render as their text.
    link: ({ text }: Tokens.Link) => escapeHtml(text),
    image: ({ text }: Tokens.Image) => escapeHtml(text),
  },
});

const ALLOWED = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'strong', 'em', 'ul', 'ol', 'li', 'blockquote', 'br', 'hr', 'code', 'pre'],
  allowedAttributes: {},
  disallowedTagsMode: 'escape' as const,
};

/** How deeply blocks and inline marks may nest (a quote in a list in a quote, emphasis in a link …). */
export const MAX_MARKDOWN_DEPTH = 12;

/** A body that cannot be stored because it cannot be rendered safely. */
export class MarkdownError extends Error {
  /** `code` is `too_deep` (nesting over the cap) or `unrenderable`. */
  constructor(
    readonly code: 'too_deep' | 'unrenderable',
    message: string,
  ) {
    super(message);
    this.name = 'MarkdownError';
  }
}

type Nested = { tokens?: Nested[]; items?: Nested[] };

/** The deepest nesting of a token tree, walked without recursion. */
function depthOf(tokens: Nested[]): number {
  let max = 0;
  const stack: [Nested[], number][] = [[tokens, 1]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    if (list.length > 0) max = Math.max(max, depth);
    for (const t of list) {
      if (t.tokens?.length) stack.push([t.tokens, depth + 1]);
      if (t.items?.length) stack.push([t.items, depth + 1]);
    }
  }
  return max;
}

/** Leading quotes, list markers and indentation of every line: a cheap check before the parser recurses. */
function lineNesting(body: string): number {
  let max = 0;
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^[ \t]*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const lead = /^(?:[ \t]|>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))*/.exec(line)![0];
    let levels = 0;
    let indent = 0;
    for (const m of lead.matchAll(/[ \t]|>|[-*+]|\d{1,9}[.)]/g)) {
      if (m[0] === ' ') indent += 1;
      else if (m[0] === '\t') indent += 4;
      else levels++;
    }
    max = Math.max(max, levels + Math.floor(indent / 4));
  }
  return max;
}

/**
 * Open emphasis and link brackets per paragraph, counted roughly (a run of `*`, `_` or `~` after a
 * space that is followed by text opens; before a space, after text, closes; `[` opens, `]` closes):
 * the parser is slow and recursive on deep inline nesting, so refuse that before parsing.
 */
function inlineNesting(body: string): number {
  let max = 0;
  for (const para of body.split(/\n[ \t]*\n/)) {
    let open = 0;
    const re = /(^|[\s\S])([*_~]+|\[|\])(?=([\s\S]?))/g;
    for (let m = re.exec(para); m; m = re.exec(para)) {
      const [, before = '', run = '', after = ''] = m;
      const spaceBefore = before === '' || /\s/.test(before);
      const spaceAfter = after === '' || /\s/.test(after);
      if (run === '[') open++;
      else if (run === ']') open = Math.max(0, open - 1);
      // A run of marks opens as many levels as it can hold (`***` is emphasis in strong).
      else if (spaceBefore && !spaceAfter) open += Math.ceil(run.length / 2);
      else if (!spaceBefore && spaceAfter) open = Math.max(0, open - 1);
      max = Math.max(max, open);
      re.lastIndex = m.index + before.length + run.length;
    }
  }
  return max;
}

const tooDeep = () =>
  new MarkdownError(
    'too_deep',
    `The text is nested too deeply (at most ${MAX_MARKDOWN_DEPTH} levels of quotes, lists or emphasis).`,
  );

/**
 * Renders a body that is about to be stored, or throws a `MarkdownError`: nesting is capped
 * and the body must render, so a stored body can always be rendered for every reader.
 */
export function checkedMarkdown(body: string): string {
  if (lineNesting(body) > MAX_MARKDOWN_DEPTH || inlineNesting(body) > MAX_MARKDOWN_DEPTH) throw tooDeep();
  let tokens: Nested[];
  try {
    tokens = marked.lexer(body) as unknown as Nested[];
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep();
    throw new MarkdownError('unrenderable', 'The text could not be rendered.');
  }
  if (depthOf(tokens) > MAX_MARKDOWN_DEPTH) throw tooDeep();
  try {
    return renderMarkdown(body);
  } catch (err) {
    if (err instanceof RangeError) throw tooDeep();
    throw new MarkdownError('unrenderable', 'The text could not be rendered.');
  }
}

/** Renders a Markdown body to sanitised HTML. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body) as string;
  return sanitizeHtml(html, ALLOWED);
}
