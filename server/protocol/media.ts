/**
 * API shapes of state media: articles, the editor desk, search and the broadcast schedule (type-only).
 */

/** Sections of the state-media sites (the list is data in `vocabulary.ts`). */
export type { SectionId } from './vocabulary';
import type { SectionId } from './vocabulary';
import type { SocialCounts } from './social';

/** A section with its display label. */
export interface Section {
  id: SectionId;
  label: string;
}

/** Where an article is in its life. Readers only ever see 'published'. */
export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'unpublished';

/** An article in lists: no author, no view count, no comments — by design. */
export interface ArticleSummary {
  id: string;
  /** Id of the media site it appears on (e.g. 'news-agency', 'daily'). */
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  /** The dateline, YYYY-MM-DD. */
  date: string;
  /** The front-page lead story of its site. */
  lead: boolean;
  status: ArticleStatus;
  /** When it went out (ISO), or null. */
  publishedAt: string | null;
  /** When a scheduled article will go out (ISO), or null. */
  publishAt: string | null;
  /** Open mode only: likes, shares and comments on the open network (absent in closed mode). */
  social?: SocialCounts;
}

/** One article with its body: Markdown source and the sanitised HTML rendered from it. */
export interface Article extends ArticleSummary {
  body: string;
  bodyHtml: string;
}

/** `GET /api/media/articles?site=&section=&status=&page=&pageSize=`: newest first. */
export interface ArticlesResponse {
  articles: ArticleSummary[];
  total: number;
  page: number;
  pageSize: number;
  /** The sections this user may read (all of them for an editor). */
  sections: Section[];
}

/** Body of `POST /api/media/articles` and `PATCH /api/media/articles/:id` (all optional on PATCH). */
export interface ArticleInput {
  site: string;
  section: SectionId;
  title: string;
  summary: string;
  body: string;
  lead?: boolean;
}

/** Body of `POST /api/media/articles/:id/publish`: no `at` (or a past one) publishes now, a future one schedules. */
export interface PublishRequest {
  at?: string;
}

/** `POST /api/media/preview {body}` → the sanitised HTML an article body renders to. */
export interface PreviewResponse {
  html: string;
}

/** `GET /api/media/search?q=`: matching articles the user may read. A filtered query finds nothing. */
export interface SearchResponse {
  query: string;
  results: ArticleSummary[];
}

/** One programme of the broadcast schedule. */
export interface BroadcastItem {
  time: string;
  title: string;
  description: string;
}

/** A TV or radio channel with today's listings. */
export interface BroadcastChannel {
  id: string;
  name: string;
  kind: 'tv' | 'radio';
  items: BroadcastItem[];
}

/** `GET /api/media/broadcast`: today's schedule. */
export interface BroadcastResponse {
  date: string;
  channels: BroadcastChannel[];
}
