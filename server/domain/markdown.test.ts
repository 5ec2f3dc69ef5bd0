import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and subheads', () => {
    expect(renderMarkdown('## Head\n\nA **bold** and *soft* line.')).toBe(
      '<h2>Head</h2>\n<p>A <strong>bold</strong> and <em>soft</em> line.</p>\n',
    );
  });
  it('shows raw HTML as text', () => {
    const html = renderMarkdown('Hi <script>alert(1)</script> and <img src=x onerror="alert(2)">');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=');
  });
  it('shows an HTML block as text', () => {
    const html = renderMarkdown('<div onclick="x()">\n<script>bad()</script>\n</div>');
    expect(html).not.toMatch(/<div|<script/i);
    expect(html).toContain('&lt;script&gt;');
  });
  it('renders no links or images', () => {
    const html = renderMarkdown('[out](https://example.com) ![pic](javascript:alert(1))');
    expect(html).not.toMatch(/<a |href|<img|javascript:/i);
    expect(html).toContain('out');
  });
});
