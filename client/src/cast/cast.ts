/**
 * Pure helpers of the simulated cast on the client: who decided a post (a censor by name, or the
 * simulated bureau), and the facilitator's cast settings read from their form and checked.
 */
import { msg, str } from '@lit/localize';
import type { BureauSetting, CastSettings, DecidedBy } from '../../../server/protocol/api';

/**
 * The longest bureau delay the server takes, in seconds (`MAX_CAST_DELAY` in server/config.ts,
 * which the client may not import): checked here only to say so before the server refuses.
 */
export const MAX_DELAY_SECONDS = 600;

/** Who decided a post, as screens show it: a name, and whether it is the simulated bureau. */
export interface Decider {
  name: string;
  simulated: boolean;
}

/** A post's `decidedBy` as a name and a simulated mark; null when nobody has decided (or it is not shown). */
export function decider(decidedBy: DecidedBy | null | undefined): Decider | null {
  if (decidedBy === null || decidedBy === undefined) return null;
  if (typeof decidedBy === 'string') return decidedBy ? { name: decidedBy, simulated: false } : null;
  return { name: decidedBy.name, simulated: true };
}

/** The three choices of the bureau, in the order the form lists them. */
export const BUREAU_CHOICES: readonly BureauSetting[] = ['auto', true, false];

/** A bureau setting as the form's radio value. */
export function bureauValue(setting: BureauSetting): 'auto' | 'on' | 'off' {
  return setting === 'auto' ? 'auto' : setting ? 'on' : 'off';
}

/** A radio value back as the bureau setting. */
export function bureauFromValue(value: string): BureauSetting {
  return value === 'on' ? true : value === 'off' ? false : 'auto';
}

/** A bureau setting as the facilitator reads it. */
export function bureauLabel(setting: BureauSetting): string {
  if (setting === 'auto') return msg('Automatic: only while no person is the censor');
  return setting ? msg('On: the bureau always decides') : msg('Off: only a person decides');
}

/** What the facilitator typed into the cast form (the delay fields as typed). */
export interface CastForm {
  bureau: BureauSetting;
  colleagues: boolean;
  guide: boolean;
  minSeconds: string;
  maxSeconds: string;
}

/** Why the form cannot be sent, per delay field ('' when that field is fine). */
export interface CastFormErrors {
  min: string;
  max: string;
}

/** The form's settings to send, or the errors to show beside the delay fields. */
export type CastFormResult = { ok: true; settings: CastSettings } | { ok: false; errors: CastFormErrors };

/** A whole number of seconds in 0…MAX_DELAY_SECONDS from a field, or null. */
function seconds(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_DELAY_SECONDS ? value : null;
}

/** Checks the form the way the server will: whole seconds 0–600 each, the shortest no longer than the longest. */
export function readCastForm(form: CastForm): CastFormResult {
  const min = seconds(form.minSeconds);
  const max = seconds(form.maxSeconds);
  const range = msg(str`Enter a whole number of seconds from 0 to ${MAX_DELAY_SECONDS}.`);
  const errors: CastFormErrors = { min: min === null ? range : '', max: max === null ? range : '' };
  if (min !== null && max !== null && min > max) {
    errors.max = msg('The longest delay cannot be shorter than the shortest.');
  }
  if (errors.min || errors.max || min === null || max === null) return { ok: false, errors };
  return {
    ok: true,
    settings: { bureau: form.bureau, colleagues: form.colleagues, guide: form.guide, delaySeconds: [min, max] },
  };
}

/** The form filled from the settings as the server has them. */
export function castFormOf(settings: CastSettings): CastForm {
  return {
    bureau: settings.bureau,
    colleagues: settings.colleagues,
    guide: settings.guide,
    minSeconds: String(settings.delaySeconds[0]),
    maxSeconds: String(settings.delaySeconds[1]),
  };
}
