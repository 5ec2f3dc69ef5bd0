import { LitElement, css, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { DebriefQuiz, DebriefResponse, DebriefRound, SpreadItem } from '../../../server/protocol/debrief';
import { ApiFailure } from '../core/api';
import { sharedStyles } from '../ui/styles/shared';
import { staffPageStyles } from '../ui/styles/page';
import { recordTableStyles } from '../ui/styles/tables';
import { noneMark, scrollingTable } from '../ui/scrolling-table';
import { formatClock, formatList } from '../ui/format';
import '../ui/cis-placard';
import { debriefApi } from './api';
import { medianInUnit, pairRounds, percent, playerNamer, reachSteps } from './debrief';
import type { RoundRow } from './debrief';
import './cis-bar-chart';
import './cis-timeline';
import './cis-spread-graph';
import { errorText } from '../core/error-text';

function modeName(mode: DebriefRound['mode']): string {
  return mode === 'closed' ? msg('closed') : msg('open');
}

function roundName(round: DebriefRound): string {
  return msg(str`Round ${round.number} (${modeName(round.mode)})`);
}

/** The bar charts of a round: messages, posts, searches and the outside. */
function roundCharts(round: DebriefRound): { label: string; groups: string[]; values: number[] }[] {
  return [
    {
      label: msg('Messages'),
      groups: [msg('sent'), msg('delivered'), msg('blocked'), msg('rewritten')],
      values: [round.messages.sent, round.messages.delivered, round.messages.blocked, round.messages.rewritten],
    },
    {
      label: msg('Posts'),
      groups: [msg('submitted'), msg('approved'), msg('rejected'), msg('filtered')],
      values: [round.posts.submitted, round.posts.approved, round.posts.rejected, round.posts.filtered],
    },
    {
      label: msg('Searches and the outside'),
      groups: [msg('searches'), msg('found nothing'), msg('outside tried')],
      values: [round.searches.total, round.searches.emptyByFilter, round.outsideTried ?? round.blockedAddresses],
    },
  ];
}

/** A number with 2 decimals, or "—" for none. */
function signed(value: number | null | undefined): TemplateResult | string {
  return value === null || value === undefined || !Number.isFinite(value) ? noneMark() : value.toFixed(2);
}

/**
 * The debrief of one class session (`/console/debrief/<sessionId>`), for the facilitator: per
 * round (a closed round beside an open one), the figures the server computed from the trail,
 * charts with their tables, the spread of each shared story or file, the quiz's before/after;
 * a projector view in large type (anonymous unless "Show names" is on), print, and exports.
 */
@localized()
@customElement('cis-debrief-page')
export class CisDebriefPage extends LitElement {
  static override styles = [
    sharedStyles,
    staffPageStyles,
    recordTableStyles,
    css`
      :host {
        max-width: 90rem;
      }
      .projector {
        font-size: 1.45rem;
      }
      .projector h1 {
        font-size: 2.6rem;
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1rem;
      }
      button[role='switch'][aria-checked='true'],
      button[aria-pressed='true'] {
        background: var(--cis-accent);
        color: var(--cis-accent-ink);
      }
      button[role='switch'][aria-checked='false'],
      button[aria-pressed='false'] {
        background: var(--cis-paper);
        color: var(--cis-accent);
      }
      .row {
        display: grid;
        gap: 1rem;
        grid-template-columns: minmax(0, 1fr);
        margin: 0 0 1.5rem;
      }
      @media (min-width: 60rem) {
        .row.pair {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
      }
      .round,
      .quiz,
      .exports {
        min-width: 0;
        border: 1px solid var(--cis-line);
        border-radius: 8px;
        padding: 0.75rem 1rem;
        background: var(--cis-paper);
      }
      .round h2,
      .quiz h2,
      .exports h2 {
        margin: 0.25rem 0 0.5rem;
      }
      .when {
        margin: 0 0 0.75rem;
        color: var(--cis-muted);
      }
      td.number {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        border-bottom: 1px solid #e3e5e8;
      }
      dl {
        margin: 0.75rem 0;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0 0 0.5rem;
        overflow-wrap: anywhere;
      }
      .exports ul {
        list-style: none;
        padding: 0;
        margin: 0 0 0.75rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .exports a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: 0.25rem 0.75rem;
        border: 2px solid var(--cis-accent);
        border-radius: 6px;
        color: var(--cis-accent);
        font-weight: 600;
      }
      .error {
        color: var(--cis-danger);
      }
      cis-placard {
        margin: 1rem 0 0;
      }
      @media print {
        .toolbar,
        .exports {
          display: none;
        }
        .row.pair {
          grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        }
        .round,
        .quiz {
          break-inside: avoid;
          border-color: #888888;
        }
      }
    `,
  ];

  /** The session whose debrief to show (the path segment after `/console/debrief/`). */
  @property() sessionId = '';

  @state() private data: DebriefResponse | undefined;
  @state() private loading = false;
  @state() private error = '';
  @state() private message = '';
  @state() private transcriptError = '';
  @state() private showNames = false;
  @state() private projector = new URLSearchParams(location.search).get('view') === 'projector';
  @state() private busy = false;
  @state() private jsonUrl = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.jsonUrl) URL.revokeObjectURL(this.jsonUrl);
    this.jsonUrl = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sessionId')) void this.load();
  }

  private async load(): Promise<void> {
    const id = this.sessionId;
    this.data = undefined;
    this.error = '';
    if (!id) {
      this.error = msg('No session given: open the debrief from a session in the console.');
      return;
    }
    this.loading = true;
    try {
      const data = await debriefApi.get(id);
      if (id !== this.sessionId) return;
      this.data = data;
      if (this.jsonUrl) URL.revokeObjectURL(this.jsonUrl);
      this.jsonUrl = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
    } catch (error) {
      if (id !== this.sessionId) return;
      this.error =
        error instanceof ApiFailure && error.status === 404
          ? msg('This session does not exist (any more).')
          : error instanceof ApiFailure && error.status === 403
            ? msg('Only the facilitator of this session can see its debrief.')
            : msg('The debrief could not be loaded. Try again in a moment.');
    } finally {
      if (id === this.sessionId) this.loading = false;
    }
  }

  override render(): TemplateResult {
    return html`
      <div class=${this.projector ? 'projector' : 'page'}>
        <h1 tabindex="-1">${msg('Debrief')}</h1>
        <p class="lede">
          ${msg('What happened in the class, computed from the trail: a closed round beside an open one.')}
        </p>
        <div class="toolbar">
          <button
            type="button"
            class="secondary"
            aria-pressed=${this.projector ? 'true' : 'false'}
            @click=${this.toggleProjector}
          >
            ${msg('Projector view')}
          </button>
          ${
            this.projector
              ? html`<button
                  type="button"
                  role="switch"
                  aria-checked=${this.showNames ? 'true' : 'false'}
                  @click=${() => (this.showNames = !this.showNames)}
                >
                  ${msg('Show names')}
                </button>`
              : nothing
          }
          <button type="button" class="secondary" @click=${() => window.print()}>${msg('Print / save as PDF')}</button>
        </div>
        <p class="message success" role="status">${this.loading ? msg('Loading the debrief…') : this.message}</p>
        <p class="message error" role="alert">${this.error}</p>
        ${this.data ? this.renderDebrief(this.data) : nothing}
      </div>
    `;
  }

  private toggleProjector(): void {
    this.projector = !this.projector;
    this.showNames = false; // anonymous each time the projector view opens
    const params = new URLSearchParams(location.search);
    if (this.projector) params.set('view', 'projector');
    else params.delete('view');
    const query = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
  }

  private renderDebrief(data: DebriefResponse): TemplateResult {
    // The facilitator's own page shows names; the projector view only when switched on.
    const nameOf = playerNamer(data.players, !this.projector || this.showNames, (n) => msg(str`Student ${n}`));
    const rows = pairRounds(data.rounds);
    return html`
      ${
        rows.length
          ? rows.map((row) => this.renderRow(row, nameOf))
          : html`<p>
              ${msg('No round has been played in this session yet: start one in the console, then come back.')}
            </p>`
      }
      ${this.renderQuiz(data.quiz)} ${this.projector ? nothing : this.renderExports(data)}
    `;
  }

  private renderRow(row: RoundRow, nameOf: (id: string) => string): TemplateResult {
    // One scale for the rounds of a row, so their bars compare at a glance.
    const scaleMax = Math.max(0, ...row.flatMap((round) => roundCharts(round).flatMap((chart) => chart.values)));
    return html`<div class=${row.length === 2 ? 'row pair' : 'row'}>
      ${row.map((round) => this.renderRound(round, nameOf, scaleMax))}
    </div>`;
  }

  private renderRound(round: DebriefRound, nameOf: (id: string) => string, scaleMax: number): TemplateResult {
    const headingId = `round-${round.number}`;
    const median = medianInUnit(round.posts.medianSecondsToVisible, round.mode);
    // The charts' tables carry messages, posts and searches; these are the figures no chart shows.
    const figures: [string, TemplateResult | string | number][] = [
      [
        msg('Median time to visibility'),
        median ? (median.unit === 'min' ? msg(str`${median.value} min`) : msg(str`${median.value} s`)) : noneMark(),
      ],
      [msg('Blocked addresses'), round.blockedAddresses],
    ];
    if (round.mode === 'open' && round.wouldBlock !== undefined) {
      figures.push([msg('Would have been blocked in closed mode'), round.wouldBlock]);
    }
    const people = (ids: readonly string[] | undefined) =>
      ids && ids.length ? formatList(ids.map(nameOf)) : noneMark();
    return html`
      <section class="round" aria-labelledby=${headingId}>
        <h2 id=${headingId}>${roundName(round)}</h2>
        ${
          round.startedAt
            ? html`<p class="when">
                <time datetime=${round.startedAt}>${formatClock(round.startedAt)}</time>
                ${
                  round.endedAt
                    ? html`– <time datetime=${round.endedAt}>${formatClock(round.endedAt)}</time>`
                    : msg('(still running)')
                }
              </p>`
            : nothing
        }
        ${scrollingTable({
          label: msg(str`Figures, round ${round.number}`),
          caption: msg(str`Figures, round ${round.number}`),
          columns: [msg('Figure'), msg('Value')],
          rows: figures.map(
            ([name, value]) =>
              html`<tr>
                <th scope="row">${name}</th>
                <td class="number">${value}</td>
              </tr>`,
          ),
        })}
        ${roundCharts(round).map(
          (chart) =>
            html`<cis-bar-chart
              label=${chart.label}
              group-heading=${chart.label}
              .series=${[roundName(round)]}
              .groups=${chart.groups}
              .values=${chart.values.map((value) => [value])}
              .scaleMax=${scaleMax}
            ></cis-bar-chart>`,
        )}
        <dl>
          <dt>${msg('Muted')}</dt>
          <dd>${people(round.discipline?.muted)}</dd>
          <dt>${msg('Revoked')}</dt>
          <dd>${people(round.discipline?.revoked)}</dd>
          <dt>${msg('Inspected')}</dt>
          <dd>${people(round.discipline?.inspected)}</dd>
        </dl>
        ${round.spread.map((item) => this.renderSpread(item, nameOf))}
      </section>
    `;
  }

  private renderSpread(item: SpreadItem, nameOf: (id: string) => string): TemplateResult {
    const steps = reachSteps(item.edges);
    const reach =
      item.secondsToLast !== undefined
        ? msg(str`Reached ${item.reached} people in ${Math.round(item.secondsToLast / 60)} min.`)
        : msg(str`Reached ${item.reached} people.`);
    return html`
      <h3>${item.title}</h3>
      <p>${reach}</p>
      <cis-spread-graph .item=${item} .nameOf=${nameOf}></cis-spread-graph>
      ${
        steps.length
          ? html`<cis-timeline
              label=${msg(str`How fast ${item.title} spread`)}
              value-label=${msg('Reached so far')}
              .points=${steps.map((s) => ({ at: s.at, text: `${nameOf(s.from)} → ${nameOf(s.to)}`, value: s.reached }))}
            ></cis-timeline>`
          : nothing
      }
    `;
  }

  private renderQuiz(quiz: DebriefQuiz): TemplateResult {
    const pct = (share: number | null) => {
      const p = percent(share);
      return p === undefined ? noneMark() : `${p} %`;
    };
    return html`
      <section class="quiz" aria-labelledby="quiz-heading">
        <h2 id="quiz-heading">${msg('Quiz')}</h2>
        ${
          quiz.answeredBefore !== undefined || quiz.answeredAfter !== undefined
            ? html`<p>${msg(str`Answered before: ${quiz.answeredBefore ?? 0}; after: ${quiz.answeredAfter ?? 0}.`)}</p>`
            : nothing
        }
        ${
          quiz.items.length
            ? html`${
                quiz.items.some((item) => item.before !== null || item.after !== null)
                  ? html`<cis-bar-chart
                      label=${msg('Correct answers per item (%)')}
                      group-heading=${msg('Item')}
                      .series=${[msg('before'), msg('after')]}
                      .groups=${quiz.items.map((item, i) => `${i + 1} · ${item.id}`)}
                      .shortGroups=${quiz.items.map((_, i) => String(i + 1))}
                      .scaleMax=${100}
                      .values=${quiz.items.map((item) => [percent(item.before) ?? 0, percent(item.after) ?? 0])}
                    ></cis-bar-chart>`
                  : nothing
              }
              ${scrollingTable({
                label: msg('Accuracy per item'),
                caption: msg('Accuracy per item, before and after'),
                columns: [msg('Item'), msg('True or false'), msg('Before'), msg('After'), msg('Change')],
                rows: quiz.items.map((item, i) => {
                  const before = percent(item.before);
                  const after = percent(item.after);
                  return html`<tr>
                    <th scope="row">${i + 1} · ${item.id}</th>
                    <td>${item.truth === undefined ? noneMark() : item.truth ? msg('true') : msg('false')}</td>
                    <td class="number">${pct(item.before)}</td>
                    <td class="number">${pct(item.after)}</td>
                    <td class="number">
                      ${before === undefined || after === undefined ? noneMark() : `${after - before > 0 ? '+' : ''}${after - before}`}
                    </td>
                  </tr>`;
                }),
              })}`
            : html`<p>${msg('Nobody has answered the quiz yet.')}</p>`
        }
        <h3>${msg('Discernment and bias')}</h3>
        ${scrollingTable({
          label: msg('Discernment and bias'),
          caption: msg('Discernment and bias of the class, before and after'),
          columns: [msg('Measure'), msg('Before'), msg('After')],
          rows: [
            html`<tr>
              <th scope="row">${msg('Discernment (true rated true − false rated true)')}</th>
              <td class="number">${signed(quiz.discernmentBefore)}</td>
              <td class="number">${signed(quiz.discernmentAfter)}</td>
            </tr>`,
            html`<tr>
              <th scope="row">${msg('Bias towards "false" (0 = none)')}</th>
              <td class="number">${signed(quiz.biasBefore)}</td>
              <td class="number">${signed(quiz.biasAfter)}</td>
            </tr>`,
            quiz.dPrimeBefore !== undefined || quiz.dPrimeAfter !== undefined
              ? html`<tr>
                  <th scope="row">${msg('d′ (signal detection)')}</th>
                  <td class="number">${signed(quiz.dPrimeBefore)}</td>
                  <td class="number">${signed(quiz.dPrimeAfter)}</td>
                </tr>`
              : nothing,
          ],
        })}
        <cis-placard placard-id="quiz-discernment"></cis-placard>
      </section>
    `;
  }

  private renderExports(data: DebriefResponse): TemplateResult {
    const id = this.sessionId;
    const allowed = data.transcript !== false;
    return html`
      <section class="exports" aria-labelledby="exports-heading">
        <h2 id="exports-heading">${msg('Exports')}</h2>
        <ul>
          <li><a href=${debriefApi.exportUrl(id, 'debrief.csv')} download>${msg('Figures (CSV)')}</a></li>
          ${this.jsonUrl ? html`<li><a href=${this.jsonUrl} download=${`debrief-${id}.json`}>${msg('Figures (JSON)')}</a></li>` : nothing}
          <li><a href=${debriefApi.exportUrl(id, 'trail.csv')} download>${msg('Whole trail (CSV)')}</a></li>
          <li><a href=${debriefApi.exportUrl(id, 'trail.json')} download>${msg('Whole trail (JSON)')}</a></li>
          <li>
            <a href=${debriefApi.exportUrl(id, 'transcript')} @click=${this.downloadTranscript}>${msg('Transcript')}</a>
          </li>
        </ul>
        <p class="error" role="alert">${this.transcriptError}</p>
        <button
          type="button"
          role="switch"
          aria-checked=${allowed ? 'true' : 'false'}
          ?disabled=${this.busy}
          @click=${() => this.setTranscript(!allowed)}
        >
          ${msg('Transcript download allowed')}
        </button>
        <p>
          ${
            allowed
              ? msg("The transcript holds the session's public messages and posts.")
              : msg('The transcript download is disabled: the server refuses it.')
          }
        </p>
      </section>
    `;
  }

  private async setTranscript(allowed: boolean): Promise<void> {
    if (!this.data || this.busy) return;
    this.busy = true;
    this.error = '';
    this.message = '';
    try {
      await debriefApi.setTranscript(this.sessionId, allowed);
      this.data = { ...this.data, transcript: allowed };
      this.transcriptError = '';
      this.message = allowed ? msg('Transcript download allowed.') : msg('Transcript download disabled.');
    } catch (error) {
      this.error =
        error instanceof ApiFailure && error.status !== 0 && error.status < 500
          ? errorText(error, msg('The setting could not be saved. Try again in a moment.'))
          : msg('The setting could not be saved. Try again in a moment.');
    } finally {
      this.busy = false;
    }
  }

  private readonly downloadTranscript = async (event: MouseEvent): Promise<void> => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.transcriptError = '';
    try {
      const { blob, filename } = await debriefApi.transcript(this.sessionId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (error) {
      this.transcriptError =
        error instanceof ApiFailure && error.code === 'transcript_disabled'
          ? msg('The server refused the transcript: its download is disabled for this session.')
          : error instanceof ApiFailure && error.status !== 0 && error.status < 500
            ? msg(str`The server refused the transcript: ${errorText(error, msg('it gave no reason'))}`)
            : msg('The transcript could not be downloaded. Try again in a moment.');
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'cis-debrief-page': CisDebriefPage;
  }
}
