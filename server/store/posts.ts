/**
 * Message-board posts, in the document's `posts` array, oldest first.
 */
import type { PostRecord, PostsRepo } from '../domain/ports';
import { LowCollection } from './collection';
import type { Db } from './document';

/** The posts repository over the JSON document. */
export class LowPosts extends LowCollection<PostRecord> implements PostsRepo {
  constructor(db: Db) {
    super(db, () => db.data.posts);
  }
}
