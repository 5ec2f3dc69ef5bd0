/**
 * The words for the vocabulary's ids, in the reader's language: roles and capabilities.
 * The server sends ids only; every screen names them through here.
 */
import { msg } from '@lit/localize';
import type { Capability, Role } from '../../../server/protocol/vocabulary';

/** A role as screens print it, e.g. "Scientist" after a real name. */
export function roleLabel(role: Role): string {
  switch (role) {
    case 'citizen':
      return msg('Citizen');
    case 'elite':
      return msg('Elite');
    case 'scientist':
      return msg('Scientist');
    case 'academic':
      return msg('Academic');
    case 'foreigner':
      return msg('Foreign guest');
    case 'editor':
      return msg('Editor');
    case 'censor':
      return msg('Censor');
    case 'facilitator':
      return msg('Facilitator');
  }
}

/** What a capability lets its holder do, as the facilitator's matrix names it. */
export function capabilityLabel(id: Capability): string {
  switch (id) {
    case 'network.domestic':
      return msg('Use the national intranet');
    case 'network.foreign':
      return msg("Use the foreigners' network");
    case 'media.read':
      return msg('Read state media');
    case 'media.publish':
      return msg('Publish state media');
    case 'boards.read':
      return msg('Read message boards');
    case 'boards.post':
      return msg('Post on message boards');
    case 'chat.use':
      return msg('Use chat');
    case 'moderation.review':
      return msg('Review the moderation queue');
    case 'trail.read':
      return msg('Read the surveillance trail');
    case 'users.discipline':
      return msg('Mute or revoke users');
    case 'policy.overview':
      return msg('See who may see what');
    case 'sessions.manage':
      return msg('Run sessions, roles and modes');
    case 'media.receive':
      return msg('Receive state television, radio and bulletins');
  }
}
