/**
 * State-media articles (pack-seeded and written at the editor desk), in the document's `articles` array.
 */
import type { ArticleRecord, ArticlesRepo } from '../domain/ports';
import { LowCollection } from './collection';
import type { Db } from './document';

/** The articles repository over the JSON document. */
export class LowArticles extends LowCollection<ArticleRecord> implements ArticlesRepo {
  constructor(db: Db) {
    super(db, () => db.data.articles);
  }
}
