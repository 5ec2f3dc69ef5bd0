import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Post } from '../../../server/protocol/api';
import { roleLabel } from '../ui/labels';
import { statusLabel } from './boards';
import { formatInstant } from '../ui/format';
import { sharedStyles } from '../ui/styles/shared';
import { boardsStyles } from './cis-boards.styles';
import { decider } from '../cast/cast';
import '../cast/cis-simulated-badge';

/** "Approved by …" / "Rejected by …" on the author's own decided post, the bureau marked simulated. */
function decidedTemplate(post: Post): TemplateResult | typeof nothing {
  const who = decider(post.decidedBy);
  if (!who || post.status === 'pending') return nothing;
  return html`<p class="decided">
    ${post.status === 'approved' ? msg(str`Approved by ${who.name}`) : msg(str`Rejected by ${who.name}`)}${
      who.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing
    }
  </p>`;
}

/**
 * One post as an article: author's real name and role (marked when the simulated cast wrote it),
 * date, status and who decided it for its author, and the body as text.
 */
export function postTemplate(post: Post, label: string, fresh = false): TemplateResult {
  return html`
    <article class="post ${post.status} ${fresh ? 'fresh' : ''}" aria-label=${label}>
      <p class="meta">
        <span class="author"
          >${post.authorName}${post.simulated ? html`<cis-simulated-badge></cis-simulated-badge>` : nothing}</span
        >, ${roleLabel(post.authorRole)} ·
        <time datetime=${post.createdAt}>${formatInstant(post.createdAt)}</time>
      </p>
      ${post.status === 'approved' ? nothing : html`<p class="badge ${post.status}">${statusLabel(post.status)}</p>`}
      ${post.reason ? html`<p class="reason">${msg(str`Reason: ${post.reason}`)}</p>` : nothing}
      ${decidedTemplate(post)}
      <p class="body">${post.body}</p>
    </article>
  `;
}

/**
 * A thread's replies, oldest first, each under its author's real name, role and date, with
 * the body as plain text (markup in it is shown, never run). The reader's own replies that
 * are not public carry "Awaiting approval", or "Rejected" with the censor's reason.
 * There is nothing to like, share or follow.
 */
@localized()
@customElement('cis-thread-posts')
export class CisThreadPosts extends LitElement {
  static override styles = [
    sharedStyles,
    boardsStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      .empty {
        color: var(--cis-muted);
      }
    `,
  ];

  /** The replies, oldest first. */
  @property({ attribute: false }) posts: Post[] = [];

  /** Replies that arrived live, highlighted. */
  @property({ attribute: false }) fresh: ReadonlySet<string> = new Set();

  override render(): TemplateResult {
    if (this.posts.length === 0) return html`<p class="empty">${msg('No replies yet.')}</p>`;
    return html`
      <ol aria-label=${msg('Replies')}>
        ${this.posts.map(
          (post) =>
            html`<li>${postTemplate(post, msg(str`Reply by ${post.authorName}`), this.fresh.has(post.id))}</li>`,
        )}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-thread-posts': CisThreadPosts;
  }
}
