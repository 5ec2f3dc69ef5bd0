/**
 * State-media articles (pack-seeded and written at the editor desk), in each session's document.
 */
import type { ArticleRecord, ArticlesRepo } from '../domain/ports';
import { LowCollection } from './collection';
import type { Db } from './document';

/** The articles repository over the JSON documents. */
export class LowArticles extends LowCollection<ArticleRecord> implements ArticlesRepo {
  constructor(db: Db) {
    super(db, 'articles');
  }
}
