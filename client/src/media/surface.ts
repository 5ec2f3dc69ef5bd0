/**
 * What the grand surface adds to the state-media sites of the default pack, keyed by site id:
 * the nameplate printed beside the title in the other script (Hangul on an English page, the
 * English name on a Korean one) and the front page's layout. The pack's site schema has no
 * field for either, so they live here; a site not listed gets no nameplate and the digest layout.
 */

/** How a media site's front page is laid out. */
export type FrontLayout =
  /** A wire service: dated bulletins in one column, newest first (the news agency). */
  | 'wire'
  /** A broadsheet: the lead story with a picture beside the edition's contents, sections in columns (the daily). */
  | 'broadsheet'
  /** A digest: the lead story, the latest, then each section's newest (any other site). */
  | 'digest';

/** A site's nameplates, in Korean and in English (both fictional names). */
export interface Nameplate {
  ko: string;
  en: string;
}

const NAMEPLATES: Readonly<Record<string, Nameplate>> = {
  'news-agency': { ko: '중앙통신', en: 'Central News Agency' },
  daily: { ko: '일간 기치', en: 'The Daily Banner' },
  broadcast: { ko: '중앙방송', en: 'Central Broadcasting' },
  'visitor-news': { ko: '방문객 소식', en: 'Visitor News' },
};

const LAYOUTS: Readonly<Record<string, FrontLayout>> = {
  'news-agency': 'wire',
  daily: 'broadsheet',
};

/** The nameplate of the site `siteId`, if it has one. */
export function nameplateOf(siteId: string): Nameplate | undefined {
  return NAMEPLATES[siteId];
}

/** The front-page layout of the site `siteId`. */
export function frontLayoutOf(siteId: string): FrontLayout {
  return LAYOUTS[siteId] ?? 'digest';
}
