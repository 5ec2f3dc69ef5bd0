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

/** Renders a Markdown body to sanitised HTML. */
export function renderMarkdown(body: string): string {
  const html = marked.parse(body) as string;
  return sanitizeHtml(html, ALLOWED);
}
