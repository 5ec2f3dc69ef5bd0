/** The API calls of the open network: the Commons site, and likes, shares and comments on articles and threads. */
import type {
  CommentsResponse,
  FeedResponse,
  FollowResponse,
  LikeResponse,
  NewCommentRequest,
  NewSocialPostRequest,
  NewSocialPostResponse,
  ProfileResponse,
  SocialComment,
  SocialTarget,
  TrendingResponse,
} from '../../../server/protocol/api';
import { enc, queryString, request } from '../core/api';

/** The like route of a target: posts, articles and threads each have their own. */
function likePath(target: SocialTarget): string {
  const collection = target.kind === 'post' ? 'posts' : target.kind === 'article' ? 'articles' : 'threads';
  return `/social/${collection}/${enc(target.id)}/like`;
}

/** Open-network calls, one per route (every one answers 403 in closed mode). */
export const socialApi = {
  /** `GET /api/social/feed?cursor=`: followed people first, then everyone. */
  feed: (cursor?: string) => request<FeedResponse>('GET', `/social/feed${queryString({ cursor })}`),
  /** `GET /api/social/trending`: highest decaying score first. */
  trending: () => request<TrendingResponse>('GET', '/social/trending'),
  /** `POST /api/social/posts` → 201: an original, a quote of an article or thread, or a share (`parentId`). */
  post: (body: NewSocialPostRequest) => request<NewSocialPostResponse>('POST', '/social/posts', body),
  /** `POST|DELETE /api/social/{posts,articles,threads}/:id/like`. */
  like: (target: SocialTarget, liked: boolean) => request<LikeResponse>(liked ? 'POST' : 'DELETE', likePath(target)),
  /** `GET /api/social/profiles/:playerId`. */
  profile: (playerId: string) => request<ProfileResponse>('GET', `/social/profiles/${enc(playerId)}`),
  /** `PATCH /api/social/profile`: the reader's own settings. */
  showRole: (showRole: boolean) => request<unknown>('PATCH', '/social/profile', { showRole }),
  /** `POST /api/social/follows` / `DELETE /api/social/follows/:playerId`. */
  follow: (playerId: string, follow: boolean) =>
    follow
      ? request<FollowResponse>('POST', '/social/follows', { playerId })
      : request<FollowResponse>('DELETE', `/social/follows/${enc(playerId)}`),
  /** `GET /api/social/comments?kind=&id=`: oldest first. */
  comments: (target: SocialTarget) =>
    request<CommentsResponse>('GET', `/social/comments${queryString({ kind: target.kind, id: target.id })}`),
  /** `POST /api/social/comments` → 201. */
  comment: (body: NewCommentRequest) => request<{ comment: SocialComment }>('POST', '/social/comments', body),
};
