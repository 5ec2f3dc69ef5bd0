import { LitElement, css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type {
  CustodyMark,
  FileCopy,
  InspectionOutcome,
  InspectionResponse,
  SessionEventPush,
} from '../../../server/protocol/api';
import { liveContext } from '../app/context';
import { ApiFailure } from '../core/api';
import { LiveSubscription } from '../core/controllers/live-subscription';
import type { LiveConnection } from '../core/live';
import { emit } from '../core/events';
import { actionFailureText } from '../core/requests';
import { formatClock } from '../ui/format';
import { staffPageStyles } from '../ui/styles/page';
import { sharedStyles } from '../ui/styles/shared';
import { filesApi } from './api';
import { copyListStyles } from './styles';
import { classmateField, copyFacts } from './templates';
import type { Classmate } from './templates';
import './cis-custody-chain';

/** The outcomes a censor may decide, mildest first. */
const OUTCOMES: readonly InspectionOutcome[] = ['warning', 'confiscation', 'revocation'];

/** An outcome as the censor reads it. */
function outcomeLabel(outcome: InspectionOutcome): string {
  switch (outcome) {
    case 'warning':
      return msg('Warning');
    case 'confiscation':
      return msg('Confiscation: the files and the Notel are taken');
    case 'revocation':
      return msg('Revocation: their access is withdrawn');
  }
}

/**
 * The censor's "Inspect a device" tool, a modal dialog for use while the teacher's inspection
 * runs: choose a student, see what their device holds (copies and whether a Notel is there, not
 * where they came from), trace a found copy back to its first holder, and decide the outcome
 * (confirmed). The server decides whether an inspection runs. Fires `cis-inspect-closed`.
 */
@localized()
@customElement('cis-inspect-tool')
export class CisInspectTool extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    copyListStyles,
    css`
      dialog {
        width: min(48rem, calc(100vw - 1rem));
        max-width: none;
        max-height: calc(100vh - 1rem);
        border: 2px solid var(--cis-ink);
        border-radius: 12px;
        padding: 1rem;
        color: var(--cis-ink);
        background: var(--cis-paper);
      }
      dialog::backdrop {
        background: rgb(15 20 25 / 60%);
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        justify-content: space-between;
      }
      h2 {
        margin: 0;
        font-size: 1.5rem;
      }
      h3 {
        margin: 1.5rem 0 0.5rem;
        font-size: 1.25rem;
      }
      .called {
        margin: 0 0 1rem;
        padding: 0.6rem 0.8rem;
        border-left: 6px solid #8a6d00;
        background: #fff4d6;
        font-weight: 600;
      }
      .called:empty {
        display: none;
      }
      .notel {
        font-weight: 700;
      }
      cis-custody-chain {
        margin: 1rem 0 0;
        padding: 0.75rem;
        border: 2px solid var(--cis-ink);
        border-radius: 8px;
        background: #f7f8fa;
      }
      fieldset {
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        margin: 0 0 0.75rem;
        padding: 0.5rem 0.75rem;
      }
      legend {
        font-weight: 700;
      }
      .choice {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-height: 44px;
      }
      .choice input {
        flex: none;
        margin: 0;
        min-height: 0;
        width: 1.25rem;
        height: 1.25rem;
      }
      button.danger {
        border-color: var(--cis-danger);
        background: var(--cis-danger);
      }
    `,
  ];

  /** The live connection, provided by the app shell. */
  @consume({ context: liveContext, subscribe: true })
  @property({ attribute: false })
  live: LiveConnection | undefined;

  @state() private classmates: Classmate[] | undefined;
  /** Whether the class list was asked for (the student field waits for it, so it does not change under the user). */
  @state() private listed = false;
  @state() private playerId = '';
  @state() private called = '';
  @state() private inspection: InspectionResponse | undefined;
  @state() private traced: { copy: FileCopy; chain: CustodyMark[] } | undefined;
  @state() private outcome: InspectionOutcome | '' = '';
  @state() private busy = false;
  @state() private success = '';
  @state() private error = '';

  @query('dialog') private dialog: HTMLDialogElement | undefined;

  private readonly subscription = new LiveSubscription(this, {
    live: () => this.live,
    pushes: { 'session:event': (event) => this.onEvent(event) },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadClassmates();
  }

  protected override firstUpdated(): void {
    this.dialog?.showModal();
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private close(): void {
    this.dialog?.close();
  }

  /** The class list comes with the censor's own device (a seat's classmates). */
  private async loadClassmates(): Promise<void> {
    void this.subscription;
    try {
      this.classmates = (await filesApi.device()).classmates;
    } catch {
      this.classmates = undefined; // the seat-id field stands in
    } finally {
      this.listed = true;
    }
  }

  private onEvent(event: SessionEventPush): void {
    if (event.kind !== 'inspection') return;
    this.called = msg(str`Inspection called at ${formatClock(event.at)}: you may inspect devices now.`);
  }

  /** Runs one call at a time, reporting failure in words. */
  private async act(run: () => Promise<void>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.success = '';
    this.error = '';
    try {
      await run();
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.code === 'no_inspection'
          ? msg('No inspection is running. You may inspect a device only while your teacher’s inspection runs.')
          : actionFailureText(error);
    } finally {
      this.busy = false;
    }
  }

  private inspect(event: Event): void {
    event.preventDefault();
    if (!this.playerId) {
      this.error = msg('Choose whose device to inspect.');
      return;
    }
    void this.act(async () => {
      this.inspection = await filesApi.inspect(this.playerId);
      this.traced = undefined;
      this.outcome = '';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#inspection-heading')?.focus();
    });
  }

  private trace(copy: FileCopy): void {
    void this.act(async () => {
      const { chain } = await filesApi.trace(copy.copyId);
      this.traced = { copy, chain };
      await this.updateComplete;
      const chainView = this.renderRoot.querySelector('cis-custody-chain');
      await chainView?.updateComplete;
      chainView?.shadowRoot?.querySelector<HTMLElement>('h4')?.focus();
    });
  }

  private decide(event: Event): void {
    event.preventDefault();
    const inspection = this.inspection;
    const outcome = this.outcome;
    if (!inspection) return;
    if (!outcome) {
      this.error = msg('Choose an outcome.');
      return;
    }
    if (!confirm(msg(str`Decide "${outcomeLabel(outcome)}" for ${inspection.name}? It is recorded.`))) return;
    void this.act(async () => {
      await filesApi.outcome(inspection.playerId, outcome);
      this.success = msg(str`Recorded for ${inspection.name}: ${outcomeLabel(outcome)}.`);
    });
  }

  override render(): TemplateResult {
    return html`<dialog aria-labelledby="inspect-heading" @close=${() => emit(this, 'cis-inspect-closed')}>
      <div class="head">
        <h2 id="inspect-heading" tabindex="-1">${msg('Inspect a device')}</h2>
        <button type="button" class="secondary" @click=${this.close}>${msg('Close')}</button>
      </div>
      <p class="lede">
        ${msg(
          "When your teacher calls an inspection, you may inspect a student's device: it shows what is on it, not where it came from. Trace a copy to follow its marks back to its first holder.",
        )}
      </p>
      <p class="called" role="status">${this.called}</p>
      <p class="message success" role="status">${this.success}</p>
      <p class="message error" role="alert">${this.error}</p>
      <form @submit=${this.inspect}>
        <div class="field">
          ${
            this.listed
              ? classmateField({
                  id: 'inspect-who',
                  label: msg('Whose device'),
                  classmates: this.classmates,
                  value: this.playerId,
                  onChange: (playerId) => (this.playerId = playerId),
                })
              : html`<p role="status">${msg('Reading the class list…')}</p>`
          }
        </div>
        <button type="submit" ?disabled=${this.busy || !this.listed}>${msg('Inspect')}</button>
      </form>
      ${this.inspection ? this.renderInspection(this.inspection) : nothing}
    </dialog>`;
  }

  private renderInspection(inspection: InspectionResponse): TemplateResult {
    return html`
      <h3 id="inspection-heading" tabindex="-1">${msg(str`The device of ${inspection.name}`)}</h3>
      <p class="notel">
        ${inspection.notel ? msg('A Notel portable player is on this device.') : msg('No Notel on this device.')}
      </p>
      ${
        inspection.copies.length === 0
          ? html`<p class="empty">${msg('No files on this device.')}</p>`
          : html`<ul class="copies" aria-label=${msg(str`Files on the device of ${inspection.name}`)}>
              ${repeat(
                inspection.copies,
                (copy) => copy.copyId,
                (copy) =>
                  html`<li>
                    <p class="copy-title"><strong>${copy.title}</strong></p>
                    ${copyFacts(copy)}
                    <div class="actions">
                      <button
                        type="button"
                        class="secondary"
                        ?disabled=${this.busy}
                        aria-label=${msg(str`Trace ${copy.title}`)}
                        @click=${() => this.trace(copy)}
                      >
                        ${msg('Trace')}
                      </button>
                    </div>
                  </li>`,
              )}
            </ul>`
      }
      ${
        this.traced
          ? html`<cis-custody-chain .chain=${this.traced.chain} heading=${this.traced.copy.title}></cis-custody-chain>`
          : nothing
      }
      <h3>${msg('Outcome')}</h3>
      <form @submit=${this.decide}>
        <fieldset>
          <legend>${msg(str`What happens to ${inspection.name}`)}</legend>
          ${OUTCOMES.map(
            (outcome) =>
              html`<div class="choice">
                <input
                  type="radio"
                  id="outcome-${outcome}"
                  name="outcome"
                  value=${outcome}
                  .checked=${this.outcome === outcome}
                  @change=${() => (this.outcome = outcome)}
                />
                <label for="outcome-${outcome}">${outcomeLabel(outcome)}</label>
              </div>`,
          )}
        </fieldset>
        <button type="submit" class="danger" ?disabled=${this.busy}>${msg('Record the outcome')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-inspect-tool': CisInspectTool;
  }
  interface GlobalEventHandlersEventMap {
    /** The inspection tool was closed. */
    'cis-inspect-closed': CustomEvent<void>;
  }
}
