/**
 * The walls of the in-page browser in words: each says which wall it is — no route outside the
 * national network, a site the role is not cleared for (the inner wall), or the other network
 * (the foreigners' network is apart; a foreigner is told about theirs, not the domestic one).
 */
import { msg } from '@lit/localize';
import type { BrowseWall, Network } from '../../../server/protocol/api';

/** The heading of a wall: which wall it is. */
export function wallHeading(wall: BrowseWall | undefined, network: Network): string {
  switch (wall) {
    case 'clearance':
      return msg('Your clearance does not cover this');
    case 'network':
      return network === 'foreign'
        ? msg("Not on the foreigners' network")
        : msg("This address is on the foreigners' network");
    case 'outside':
    case undefined:
      return msg('Not reachable on the national network');
  }
}

/** What a wall says under its heading (every attempt was recorded). */
export function wallText(wall: BrowseWall | undefined, network: Network): string {
  switch (wall) {
    case 'clearance':
      return msg(
        'This site is on the national network, but your role is not cleared to open it, and nothing inside it opens for you. Your attempt to open it has been recorded.',
      );
    case 'network':
      return network === 'foreign'
        ? msg(
            'This terminal is on the separate network for foreign guests. It reaches only the sites for guests, and no address beyond them. Your attempt to open it has been recorded.',
          )
        : msg(
            'Foreign guests use a separate network of their own; local terminals cannot reach it. Your attempt to open it has been recorded.',
          );
    case 'outside':
    case undefined:
      return msg('There is no route from here to that address. Your attempt to open it has been recorded.');
  }
}
