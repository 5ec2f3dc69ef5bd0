/**
 * Template pieces the site apps share: the notices a site shows instead of a page, and
 * its "about" block.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Site } from '../../../server/protocol/api';
import { addressLink } from '../ui/address-link';
import '../ui/cis-placard';

/** Shown instead of a page that is not there or not open: why, and a link to the site's home page. */
export function siteNotice(title: string, text: string, home: { address: string; label: string }): TemplateResult {
  return html`
    <div class="notice">
      <h3 class="focus-target" tabindex="-1">${title}</h3>
      <p>${text}</p>
      <p>${addressLink(home.address, home.label)}</p>
    </div>
  `;
}

/** Shown when a page could not be fetched (not a refusal): an alert and a "Try again" button. */
export function loadFailedNotice(retry: () => void): TemplateResult {
  return html`
    <div class="notice" role="alert">
      <h3 class="focus-target" tabindex="-1">${msg('This page could not be loaded')}</h3>
      <p>${msg('The server could not be reached. Try again in a moment.')}</p>
      <button type="button" @click=${retry}>${msg('Try again')}</button>
    </div>
  `;
}

/** The site's introduction and placard under its pages; nothing when it has neither. */
export function siteAbout(site: Site): TemplateResult | typeof nothing {
  if (site.intro.length === 0 && !site.placardId) return nothing;
  return html`
    <div class="about">
      ${site.intro.map((paragraph) => html`<p>${paragraph}</p>`)}
      ${site.placardId ? html`<cis-placard .placardId=${site.placardId}></cis-placard>` : nothing}
    </div>
  `;
}
