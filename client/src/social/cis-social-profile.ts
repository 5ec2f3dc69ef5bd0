import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { ProfileResponse, SocialPost } from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { emit } from '../core/events';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { ApiFailure } from '../core/api';
import { actionFailureText } from '../core/requests';
import { loadFailedNotice } from '../browser/site-templates';
import { roleLabel } from '../ui/labels';
import { sharedStyles } from '../ui/styles/shared';
import { socialApi } from './api';
import { socialStyles } from './cis-social.styles';
import { applyCounts, prependPost, withLike } from './social';
import './cis-social-post';

type Profile = ProfileResponse['profile'];

/**
 * A profile on the Commons: the name, the role only if its owner chose to show it, followers and
 * following, Follow / Unfollow, and their posts (new ones live). On the reader's own profile,
 * a "Show my role" switch instead of Follow.
 */
@localized()
@customElement('cis-social-profile')
export class CisSocialProfile extends LitElement {
  static override styles = [
    sharedStyles,
    socialStyles,
    css`
      h3 {
        margin: 1rem 0 0.25rem;
        font-size: 1.4rem;
      }
      h4 {
        margin: 1.25rem 0 0.5rem;
        font-size: 1.15rem;
      }
      dl {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        margin: 0.5rem 0;
      }
      dl div {
        display: flex;
        gap: 0.4rem;
      }
      dt {
        color: var(--cis-muted);
      }
      dd {
        margin: 0;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .switch {
        display: flex;
        gap: 0.6rem;
        align-items: center;
      }
      .switch input {
        width: 1.5rem;
        height: 1.5rem;
        min-height: 0;
        margin: 0.6rem 0;
      }
      .status,
      .empty {
        color: var(--cis-muted);
      }
      .notice h3 {
        color: var(--cis-danger);
      }
    `,
  ];

  /** Whose profile. */
  @property() playerId = '';

  /** The Commons' address, for links. */
  @property() siteAddress = '';

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private phase: 'loading' | 'ready' | 'missing' | 'failed' = 'loading';
  @state() private profile: Profile | undefined;
  @state() private posts: SocialPost[] = [];
  @state() private busy = false;
  @state() private error = '';
  @state() private success = '';

  private loadSeq = 0;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: {
      'social:post': (post) => {
        if (this.phase === 'ready' && post.authorId === this.playerId) this.posts = prependPost(post, this.posts);
      },
      'social:counts': (counts) => (this.posts = applyCounts(this.posts, counts)),
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cis-social-liked', this.onLiked);
  }

  override disconnectedCallback(): void {
    this.removeEventListener('cis-social-liked', this.onLiked);
    super.disconnectedCallback();
  }

  private readonly onLiked = (event: GlobalEventHandlersEventMap['cis-social-liked']): void => {
    this.posts = withLike(this.posts, event.detail.id, event.detail.likes, event.detail.liked);
  };

  /** Move focus to the profile's name (or to the notice shown instead). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.focus-target')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('playerId')) void this.load();
  }

  private async load(): Promise<void> {
    const seq = ++this.loadSeq;
    this.phase = 'loading';
    this.error = '';
    this.success = '';
    try {
      const answer = await socialApi.profile(this.playerId);
      if (seq !== this.loadSeq) return;
      this.profile = answer.profile;
      this.posts = answer.posts;
      this.phase = 'ready';
      if (answer.profile.own) emit(this, 'cis-social-own', { playerId: answer.profile.playerId });
    } catch (error) {
      if (seq !== this.loadSeq) return;
      this.phase = error instanceof ApiFailure && (error.status === 404 || error.status === 400) ? 'missing' : 'failed';
    }
  }

  private async toggleFollow(profile: Profile): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const answer = await socialApi.follow(profile.playerId, !profile.followed);
      this.profile = { ...profile, followed: answer.following, followers: answer.followers };
      this.success = answer.following
        ? msg(str`You follow ${profile.name}: their posts come first in your feed.`)
        : msg(str`You no longer follow ${profile.name}.`);
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  private async setShowRole(profile: Profile, show: boolean): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await socialApi.showRole(show);
      const answer = await socialApi.profile(profile.playerId);
      this.profile = answer.profile;
      this.success = show ? msg('Your role now shows on your profile.') : msg('Your role is hidden again.');
    } catch (error) {
      this.error = actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    if (this.phase === 'loading') return html`<p class="status" role="status">${msg('Loading…')}</p>`;
    if (this.phase === 'missing') {
      return html`<div class="notice">
        <h3 class="focus-target" tabindex="-1">${msg('There is no such profile')}</h3>
        <p>${msg('Nobody on this network has that profile.')}</p>
      </div>`;
    }
    const profile = this.profile;
    if (this.phase === 'failed' || !profile) return loadFailedNotice(() => void this.load());
    return html`
      <h3 class="focus-target" tabindex="-1">${profile.name}</h3>
      <p class="meta">
        ${profile.role ? msg(str`Role: ${roleLabel(profile.role)}`) : msg('Role not shown')}
        ${profile.own ? html` · ${msg('This is your profile')}` : nothing}
      </p>
      <dl>
        <div>
          <dt>${msg('Followers')}</dt>
          <dd>${profile.followers}</dd>
        </div>
        <div>
          <dt>${msg('Following')}</dt>
          <dd>${profile.following}</dd>
        </div>
      </dl>
      ${profile.own ? this.renderOwnSettings(profile) : this.renderFollow(profile)}
      <p class="message error" role="alert">${this.error}</p>
      <p class="message success" role="status">${this.success}</p>
      <h4 id="profile-posts">${msg(str`Posts by ${profile.name}`)}</h4>
      ${
        this.posts.length === 0
          ? html`<p class="empty">${msg('No posts yet.')}</p>`
          : html`<ol class="posts" aria-labelledby="profile-posts">
              ${repeat(
                this.posts,
                (post) => post.id,
                (post) =>
                  html`<li><cis-social-post .post=${post} siteAddress=${this.siteAddress}></cis-social-post></li>`,
              )}
            </ol>`
      }
    `;
  }

  private renderFollow(profile: Profile): TemplateResult {
    return html`<button
      type="button"
      class="follow"
      aria-pressed=${profile.followed ? 'true' : 'false'}
      ?disabled=${this.busy}
      @click=${() => void this.toggleFollow(profile)}
    >
      ${profile.followed ? html`<span aria-hidden="true">✓ </span>` : nothing}${msg('Follow')}
    </button>`;
  }

  private renderOwnSettings(profile: Profile): TemplateResult {
    return html`<div class="switch">
      <input
        id="show-role"
        type="checkbox"
        role="switch"
        .checked=${profile.showsRole}
        ?disabled=${this.busy}
        @change=${(e: Event) => void this.setShowRole(profile, (e.target as HTMLInputElement).checked)}
      />
      <label for="show-role">${msg('Show my role on my profile and my posts')}</label>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-social-profile': CisSocialProfile;
  }
  interface GlobalEventHandlersEventMap {
    /** The profile on screen is the reader's own: their player id. */
    'cis-social-own': CustomEvent<{ playerId: string }>;
  }
}
