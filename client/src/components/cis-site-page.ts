import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Network, Site } from '../../../server/protocol/api';
import { sharedStyles } from '../styles/shared';
import './cis-placard';

/** What the browser frame shows in its page area. */
export type FrameView =
  /** A site that opened; `directory` is set on the network's home page. */
  | { kind: 'site'; site: Site; directory?: Site[] }
  /** An address that goes nowhere on this network (the attempt was recorded). */
  | { kind: 'blocked'; address: string; placardId: string }
  /** The server could not be asked (not the wall: a real failure). */
  | { kind: 'error'; address: string; message: string };

/**
 * The page area of the in-page browser: a site's front page, the home page with
 * the directory, or the "not reachable" wall. Fires `cis-open-address` when a
 * directory entry is chosen; it never opens anything itself.
 */
@localized()
@customElement('cis-site-page')
export class CisSitePage extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      .banner {
        height: 14px;
        margin: -1.25rem -1.25rem 1.25rem;
        background: linear-gradient(
          to bottom,
          #1e3a8a 0 3px,
          #ffffff 3px 4px,
          #b91c1c 4px 10px,
          #ffffff 10px 11px,
          #1e3a8a 11px
        );
      }
      :host([network='foreign']) .banner {
        background: #3d5a5b;
        height: 6px;
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.6rem;
        color: #8b1414;
      }
      :host([network='foreign']) h2 {
        color: #23393a;
        font-family: Georgia, 'Times New Roman', serif;
      }
      .address {
        margin: 0 0 1rem;
        color: var(--cis-muted);
        font-size: 0.95rem;
      }
      code {
        font-family: ui-monospace, 'Cascadia Mono', 'Noto Sans Mono', monospace;
        overflow-wrap: anywhere;
      }
      .intro p {
        margin: 0 0 0.75rem;
        max-width: 46rem;
      }
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.2rem;
      }
      ul.directory {
        list-style: none;
        margin: 0 0 1.5rem;
        padding: 0;
        display: grid;
        gap: 0.75rem;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      }
      .directory li {
        border: 1px solid var(--cis-line);
        border-top: 4px solid #c9a227;
        border-radius: 8px;
        padding: 0.75rem;
        background: #fffdf6;
      }
      :host([network='foreign']) .directory li {
        border-top-color: #3d5a5b;
        background: #fbfaf7;
      }
      .directory button {
        background: transparent;
        border: none;
        padding: 0.25rem 0;
        color: #1d4ed8;
        text-decoration: underline;
        text-align: left;
        font-size: 1.1rem;
      }
      .directory p {
        margin: 0.25rem 0 0;
      }
      .wall h2 {
        color: var(--cis-danger);
      }
      .wall p {
        margin: 0 0 0.75rem;
      }
      cis-placard {
        margin-top: 1.25rem;
      }
    `,
  ];

  /** What to show. */
  @property({ attribute: false }) view: FrameView | undefined;

  /** The network, for its look (reflected so styles can follow it). */
  @property({ reflect: true }) network: Network = 'domestic';

  /** Move focus to the page's heading (after the frame opened a new page). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render(): TemplateResult | typeof nothing {
    const view = this.view;
    if (!view) return nothing;
    switch (view.kind) {
      case 'site':
        return this.renderSite(view.site, view.directory);
      case 'blocked':
        return html`
          <div class="wall">
            <h2 tabindex="-1">${msg('Not reachable on the national network')}</h2>
            <p>${msg('You asked for:')} <code>${view.address}</code></p>
            <p>${msg('There is no route from here to that address. Your attempt to open it has been recorded.')}</p>
          </div>
          <cis-placard .placardId=${view.placardId}></cis-placard>
        `;
      case 'error':
        return html`
          <div class="wall" role="alert">
            <h2 tabindex="-1">${msg('This page could not be opened')}</h2>
            <p>${msg('You asked for:')} <code>${view.address}</code></p>
            <p>${view.message}</p>
          </div>
        `;
    }
  }

  private renderSite(site: Site, directory: Site[] | undefined): TemplateResult {
    return html`
      <div class="banner" aria-hidden="true"></div>
      <h2 tabindex="-1">${site.title}</h2>
      <p class="address">${msg('Address:')} <code>${site.address}</code></p>
      <div class="intro">${site.intro.map((paragraph) => html`<p>${paragraph}</p>`)}</div>
      ${directory ? this.renderDirectory(directory) : nothing}
      ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
    `;
  }

  private renderDirectory(sites: Site[]): TemplateResult {
    return html`
      <h3>${msg('Directory')}</h3>
      ${
        sites.length === 0
          ? html`<p>${msg('There are no sites in this directory.')}</p>`
          : html`<ul class="directory">
              ${sites.map(
                (site) =>
                  html`<li>
                    <button type="button" @click=${() => this.open(site.address)}>${site.title}</button>
                    <p><code>${site.address}</code></p>
                    <p>${site.description}</p>
                  </li>`,
              )}
            </ul>`
      }
    `;
  }

  private open(address: string): void {
    this.dispatchEvent(new CustomEvent('cis-open-address', { detail: { address }, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-site-page': CisSitePage;
  }
  interface GlobalEventHandlersEventMap {
    /** Ask the browser frame to open an address (through /api/browse). */
    'cis-open-address': CustomEvent<{ address: string }>;
  }
}
