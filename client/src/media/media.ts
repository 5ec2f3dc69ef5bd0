/**
 * What the state-media screens share: section and site labels and the pages a media site's paths name.
 */
import { msg } from '@lit/localize';
import type { ArticleSummary, SectionId, Section } from '../../../server/protocol/api';
import { SECTION_IDS } from '../../../server/protocol/vocabulary';

/** Every section, in the order the papers print them. */
export { SECTION_IDS };

/** The label of a section, for when the server has not sent the list of sections. */
export function sectionLabel(id: SectionId, sections: readonly Section[] = []): string {
  const known = sections.find((section) => section.id === id);
  if (known) return known.label;
  switch (id) {
    case 'leadership':
      return msg('Leadership activities');
    case 'industry':
      return msg('Industry and agriculture');
    case 'science':
      return msg('Science and technology');
    case 'culture':
      return msg('Culture');
    case 'international':
      return msg('International');
  }
}

/** Whether `value` is one of the section ids. */
export function isSectionId(value: string | undefined): value is SectionId {
  return (SECTION_IDS as readonly string[]).includes(value ?? '');
}

/** The media sites an editor publishes to, with the names the desk shows. */
export const MEDIA_SITES: readonly { id: string; label: () => string }[] = [
  { id: 'news-agency', label: () => msg('Central News Agency') },
  { id: 'daily', label: () => msg('The Daily Banner') },
  { id: 'visitor-news', label: () => msg("Visitor News Digest (foreigners' edition)") },
];

/** The desk's name for a media site id (the id itself for a site the client does not know). */
export function mediaSiteLabel(id: string): string {
  return MEDIA_SITES.find((site) => site.id === id)?.label() ?? id;
}

/** `article` first, then `articles` without any older copy of it (a live push on top of a fetched list). */
export function prepend(article: ArticleSummary, articles: readonly ArticleSummary[]): ArticleSummary[] {
  return [article, ...articles.filter((known) => known.id !== article.id)];
}

/** Which page of a media site a path names. */
export type MediaRoute =
  | { kind: 'front' }
  | { kind: 'section'; section: SectionId; page: number }
  | { kind: 'article'; id: string }
  | { kind: 'unknown' };

/** Reads '' | '/section/<id>[/page/<n>]' | '/article/<id>'; anything else is an unknown page. */
export function parseMediaPath(path: string): MediaRoute {
  const [first, second, third, fourth, ...rest] = path.split('/').filter(Boolean);
  if (first === undefined) return { kind: 'front' };
  if (rest.length > 0) return { kind: 'unknown' };
  if (first === 'article' && second && third === undefined) return { kind: 'article', id: second };
  if (first === 'section' && isSectionId(second)) {
    if (third === undefined) return { kind: 'section', section: second, page: 1 };
    const page = Number(fourth);
    if (third === 'page' && /^\d{1,4}$/.test(fourth ?? '') && page >= 1)
      return { kind: 'section', section: second, page };
  }
  return { kind: 'unknown' };
}
