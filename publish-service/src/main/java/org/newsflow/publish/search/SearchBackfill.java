package org.newsflow.publish.search;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsflow.publish.article.PublishedArticle;
import org.newsflow.publish.subscription.ArticleFeatures;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Indexes articles that were published before the search index existed (a database upgraded from an older
 * Newsflow): shortly after start, in batches, each in its own transaction. New versions are indexed as they are
 * stored, so this normally finds nothing.
 */
@ApplicationScoped
public class SearchBackfill {

    private static final Logger LOG = Logger.getLogger(SearchBackfill.class);
    private static final int BATCH = 200;

    private final SearchIndex index;
    private final ObjectMapper json;

    SearchBackfill(SearchIndex index, ObjectMapper json) {
        this.index = index;
        this.json = json;
    }

    @Scheduled(delayed = "5s", every = "24h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backfill() {
        int indexed = 0;
        int done;
        do {
            done = QuarkusTransaction.requiringNew().call(this::indexBatch);
            indexed += done;
        } while (done == BATCH);
        if (indexed > 0) {
            LOG.infof("search index: %d articles published before it existed are now searchable", indexed);
        }
    }

    private int indexBatch() throws java.io.IOException {
        @SuppressWarnings("unchecked")
        List<PublishedArticle> rows = PublishedArticle.getEntityManager().createNativeQuery(
                "SELECT p.* FROM published_article p WHERE p.pub_status <> 'canceled' AND NOT EXISTS "
                        + "(SELECT 1 FROM search_document d WHERE d.article_id = p.article_id)", PublishedArticle.class)
                .setMaxResults(BATCH).getResultList();
        for (PublishedArticle row : rows) {
            index.index(row.articleId, ArticleFeatures.of(json.readTree(row.article), json.readTree(row.enrichment),
                    row.publisherId));
        }
        return rows.size();
    }
}
