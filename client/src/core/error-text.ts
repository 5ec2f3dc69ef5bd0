/**
 * The server answers a refusal with a code (`{error: {code, message}}`); the words the reader sees
 * are the client's, in the reader's language. The server's own message is for logs and curl.
 */
import { msg } from '@lit/localize';
import { ApiFailure } from './api';

/** The words for a refusal's code, or undefined for a code the client does not know. */
export function codeText(code: string): string | undefined {
  switch (code) {
    case 'invalid_input':
    case 'bad_request':
    case 'malformed_json':
    case 'body_too_large':
      return msg('Something you entered is not accepted. Check it and try again.');
    case 'empty_post':
      return msg('Write something first.');
    case 'rate_limited':
      return msg('Too many attempts in a short time. Wait a moment and try again.');
    case 'unauthenticated':
    case 'session_expired':
      return msg('Your session has ended. Please log in again.');
    case 'forbidden':
      return msg('Your account may not do this.');
    case 'standing_changed':
      return msg('Your access changed. Try again.');
    case 'revoked':
      return msg('Your access has been withdrawn.');
    case 'removed':
      return msg('Your teacher removed you from this session.');
    case 'muted':
      return msg('You have been muted: you can read but not send.');
    case 'paused':
      return msg('Paused by your teacher.');
    case 'ended':
      return msg('This session has ended.');
    case 'locked':
      return msg('This session is locked: ask your teacher.');
    case 'full':
      return msg('This session is full.');
    case 'not_found':
      return msg('It is no longer there.');
    case 'already_decided':
      return msg('This post has already been decided.');
    case 'already_published':
      return msg('This article is already published.');
    case 'not_published':
      return msg('This article is not published.');
    case 'thread_not_open':
      return msg('This thread is not open for replies yet.');
    case 'room_closed':
      return msg('This room has been closed.');
    case 'filtered':
      return msg('This post cannot be published.');
    case 'round_running':
      return msg('A round is already running: end it first.');
    case 'no_round':
      return msg('No round is running.');
    case 'bad_timer':
      return msg('An event fires between 1 second and 90 minutes into the round.');
    case 'transcript_disabled':
      return msg('The transcript is turned off for this session.');
    case 'unsigned':
      return msg('This file is not signed by the state and cannot be opened');
    case 'no_device':
      return msg('You have no device that can open this file.');
    case 'self':
      return msg('You cannot hand something to yourself.');
    case 'already_found':
      return msg('You already found what was here.');
    case 'nothing_found':
      return msg('There is nothing to find here.');
    case 'wrong_pin':
      return msg('That is not the operator PIN.');
    case 'operator_required':
      return msg('The operator settings timed out. Close them and type the PIN again.');
    case 'invalid_credentials':
      return msg('Wrong username or password.');
    case 'bad_code':
      return msg('No session has this code. Check it with your teacher.');
    case 'no_code':
      return msg('Could not find a free join code; try again.');
    case 'name_blocked':
      return msg('Please choose another name.');
    case 'name_filtered':
      return msg('That name is not allowed here.');
    case 'late_join_closed':
      return msg('The round has started and this session takes no late joiners.');
    case 'already_answered':
      return msg('You have already answered this quiz.');
    case 'quiz_closed':
      return msg('The first quiz has closed: the quiz at the end is open.');
    case 'quiz_not_open':
      return msg('The quiz at the end is not open yet.');
    case 'bad_cursor':
      return msg('The list changed. Reload it and try again.');
    case 'self_follow':
      return msg('You cannot follow yourself.');
    case 'no_copy':
    case 'no_file':
      return msg('No such file on this device.');
    case 'no_notel':
      return msg('You have no Notel.');
    case 'no_player':
      return msg('No such student in this session.');
    case 'not_present':
      return msg('That student has no role yet.');
    case 'not_inspected':
      return msg('Inspect this device first.');
    case 'no_event':
      return msg('No such event.');
    case 'no_persona':
    case 'no_visit':
    case 'kiosk_off':
      return msg('This kiosk visit is over. Touch the screen to start again.');
    case 'undeliverable':
      return msg('Message could not be delivered.');
    case 'method_not_allowed':
      return msg('This cannot be done here.');
    case 'bad_encoding':
    case 'unsupported_media_type':
    case 'bad_origin':
      return msg('This request was refused. Reload the page and try again.');
    case 'logged_out':
      return msg('You were logged out. Please log in again.');
    case 'name_length':
      return msg('Use a name of 2 to 24 characters.');
    case 'missing_items':
    case 'duplicate_item':
    case 'unknown_item':
      return msg('The answers do not match the quiz. Reload it and answer again.');
    case 'quiz_not_finished':
      return msg('Finish the quiz first.');
    case 'no_inspection':
      return msg('No inspection is running.');
    case 'in_catalogue':
      return msg('This title is in the catalogue: search for it instead.');
    case 'internal':
      return msg('Something went wrong on the server. Try again in a moment.');
    default:
      return undefined;
  }
}

/** What to tell the reader about a failed call: the words for its code, else `fallback`. */
export function errorText(error: unknown, fallback: string): string {
  if (error instanceof ApiFailure) {
    if (error.status === 0) return msg('The server could not be reached. Try again in a moment.');
    return codeText(error.code) ?? fallback;
  }
  return fallback;
}
