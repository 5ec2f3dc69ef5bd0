/**
 * A small shared cache of placards: `/api/placards` is fetched once per page load
 * and every `cis-placard` that only knows an id resolves it from here.
 */
import type { Placard, PlacardsResponse } from '../../../server/protocol/api';
import { request } from '../core/api';
import { getLocale } from '../core/localization';

let all: Promise<Map<string, Placard>> | undefined;
/** The language `all` was fetched in: a switch fetches them again, in the new one. */
let fetchedIn = '';

/** Every placard by id, fetching them on the first call (a failed fetch is retried next time). */
export function placards(): Promise<Map<string, Placard>> {
  if (fetchedIn !== getLocale()) all = undefined;
  fetchedIn = getLocale();
  all ??= request<PlacardsResponse>('GET', '/placards').then(
    (response) => new Map(response.placards.map((placard) => [placard.id, placard])),
    (error: unknown) => {
      all = undefined;
      throw error;
    },
  );
  return all;
}

/** The placard with `id`, or undefined when the server has none by that id. */
export async function placardById(id: string): Promise<Placard | undefined> {
  return (await placards()).get(id);
}
