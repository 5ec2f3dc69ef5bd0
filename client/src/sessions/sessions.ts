/**
 * Pure helpers of a student's side of class sessions: reading a typed join code, naming why a
 * join failed, and the key that remembers a dismissed role card (the console's are in `console/roster.ts`).
 */
import { msg } from '@lit/localize';
import type { Me } from '../../../server/protocol/api';
import { LIMITS } from '../../../server/protocol/vocabulary';

/** How many digits a join code has. */
export const CODE_LENGTH = 6;

/** The digits of what was typed into the code field (spaces, dashes and letters dropped), at most six. */
export function codeDigits(typed: string): string {
  return typed.replace(/\D/g, '').slice(0, CODE_LENGTH);
}

/** The join code in `typed` ("123 456", "123-456"), or undefined when it is not six digits. */
export function parseJoinCode(typed: string): string | undefined {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(digits) ? digits : undefined;
}

/** Why a display name cannot be used before asking the server, or '' when it may be sent. */
export function nameProblem(name: string): string {
  const length = [...name.trim()].length;
  if (length < LIMITS.seatNameMin || length > LIMITS.seatNameMax) {
    return msg('Your name must be 2 to 24 characters long.');
  }
  return '';
}

/** What the join page says for the server's refusal `code` (and HTTP `status`). */
export function joinErrorText(code: string, status = 400): string {
  switch (code) {
    case 'bad_code':
      return msg('There is no class with this code, or it has ended. Check the code on the classroom screen.');
    case 'locked':
      return msg('This class is locked: your teacher is not letting anyone new in.');
    case 'full':
      return msg('This class is full. Ask your teacher.');
    case 'late_join_closed':
      return msg('The round has already started and this class does not take late joiners. Ask your teacher.');
    case 'name_length':
      return msg('Your name must be 2 to 24 characters long.');
    case 'name_filtered':
    case 'name_blocked':
      return msg('This name is not allowed. Choose another name.');
    case 'removed':
      return msg('You were removed from this class and cannot join it again under this name.');
    case 'rate_limited':
      return msg('Too many tries at once. Wait a few seconds and try again.');
    case 'bad_input':
      return msg('Enter the 6-digit code and your name.');
    case 'network_error':
      return msg('The server could not be reached. Check the Wi-Fi and try again.');
    default:
      return status === 429
        ? msg('Too many tries at once. Wait a few seconds and try again.')
        : msg('You could not join. Try again in a moment.');
  }
}

/**
 * The key under which a dismissed role card is remembered: one card per seat, role and round,
 * so a new role or a new round shows the card again.
 */
export function roleCardKey(me: Pick<Me, 'username' | 'sessionId' | 'role' | 'seat'>): string {
  return `cis-card:${me.sessionId}:${me.username}:${me.role ?? 'none'}:${me.seat?.round?.number ?? 0}`;
}
