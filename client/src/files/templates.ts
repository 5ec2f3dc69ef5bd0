/** Templates the device panel and the censor's inspection share: choosing a student, and a copy's facts. */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { FileCopy } from '../../../server/protocol/api';
import { kindLabel, sizeLabel } from './files';

/** A student one may name: the session's roster as the device knows it. */
export interface Classmate {
  playerId: string;
  name: string;
}

/**
 * A labelled field naming a student: a select of the classmates by name when the server listed
 * them, otherwise a text field for their seat id (the id the teacher's roster shows).
 */
export function classmateField(options: {
  id: string;
  label: string;
  classmates: readonly Classmate[] | undefined;
  value: string;
  onChange: (playerId: string) => void;
}): TemplateResult {
  const { id, label, classmates, value, onChange } = options;
  const read = (event: Event) => onChange((event.target as HTMLInputElement | HTMLSelectElement).value.trim());
  if (classmates && classmates.length > 0) {
    return html`<label for=${id}>${label}</label>
      <select id=${id} @change=${read}>
        <option value="" ?selected=${value === ''} disabled>${msg('Choose a classmate')}</option>
        ${classmates.map(
          (person) =>
            html`<option value=${person.playerId} ?selected=${person.playerId === value}>${person.name}</option>`,
        )}
      </select>`;
  }
  return html`<label for=${id}>${label}</label>
    <input id=${id} autocomplete="off" spellcheck="false" .value=${value} @input=${read} />
    <p class="hint">${msg("No class list here: type the student's seat id.")}</p>`;
}

/** A copy's facts as a short list: kind, size, signature and how many device marks it carries. */
export function copyFacts(copy: FileCopy): TemplateResult {
  const size = sizeLabel(copy.sizeMb);
  return html`<ul class="facts">
    <li>${kindLabel(copy.kind)}</li>
    ${size ? html`<li>${size}</li>` : nothing}
    <li class=${copy.signed ? 'signed' : 'unsigned'}>
      ${copy.signed ? msg('Signed by the state') : msg('Not signed')}
    </li>
    <li>${msg(str`marks: ${copy.marks}`)}</li>
  </ul>`;
}
