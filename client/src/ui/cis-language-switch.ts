/**
 * The language switch on every screen: English or 한국어, each named in its own language (and
 * marked with its `lang`), the current one pressed. Switching re-renders every screen in place
 * (no reload), remembers the choice in this browser and fires `cis-locale` so the shell can tell
 * the server (`PATCH /api/me {locale}`).
 */
import { LitElement, css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Locale } from '../../../server/protocol/vocabulary';
import { chooseLocale, getLocale } from '../core/localization';
import { emit } from '../core/events';

/** Each language by its own name. */
const NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

@localized()
@customElement('cis-language-switch')
export class CisLanguageSwitch extends LitElement {
  static override styles = css`
    :host {
      display: inline-flex;
    }
    div {
      display: inline-flex;
      gap: 0.25rem;
    }
    button {
      min-height: 44px;
      min-width: 44px;
      padding: 0 0.75rem;
      font: inherit;
      border: 1px solid currentColor;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      cursor: pointer;
    }
    button[aria-pressed='true'] {
      background: #ffffff;
      color: #1b2a4a;
      font-weight: 600;
    }
    button:focus-visible {
      outline: 3px solid #f2c14e;
      outline-offset: 2px;
    }
  `;

  override render(): TemplateResult {
    const current = getLocale();
    return html`<div role="group" aria-label=${msg('Language')}>
      ${(Object.keys(NAMES) as Locale[]).map(
        (locale) =>
          html`<button
            type="button"
            lang=${locale}
            aria-pressed=${current === locale ? 'true' : 'false'}
            @click=${() => this.choose(locale)}
          >
            ${NAMES[locale]}
          </button>`,
      )}
    </div>`;
  }

  private async choose(locale: Locale): Promise<void> {
    if (locale === getLocale()) return;
    await chooseLocale(locale);
    emit(this, 'cis-locale', { locale });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-language-switch': CisLanguageSwitch;
  }
  interface GlobalEventHandlersEventMap {
    /** The language was switched (the shell tells the server). */
    'cis-locale': CustomEvent<{ locale: Locale }>;
  }
}
