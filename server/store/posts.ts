/**
 * Message-board posts, in each session's document, oldest first.
 */
import type { PostRecord, PostsRepo } from '../domain/ports';
import { LowCollection } from './collection';
import type { Db } from './document';

/** The posts repository over the JSON documents. */
export class LowPosts extends LowCollection<PostRecord> implements PostsRepo {
  constructor(db: Db) {
    super(db, 'posts');
  }
}
