import { LitElement, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { staffPageStyles } from '../ui/styles/page';
import { sharedStyles } from '../ui/styles/shared';
import './cis-trail-view';

/** The censor's console: the live surveillance trail of everyone in the session. */
@localized()
@customElement('cis-trail-page')
export class CisTrailPage extends LitElement {
  static override styles = [sharedStyles, staffPageStyles];

  override render(): TemplateResult {
    return html`
      <h1 tabindex="-1">${msg('Surveillance trail')}</h1>
      <p class="lede">
        ${msg(
          'Every login, page view and blocked address on the network, as it happens. Nobody being watched can see this screen.',
        )}
      </p>
      <cis-trail-view></cis-trail-view>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-trail-page': CisTrailPage;
  }
}
