package org.newsflow.enrich.pipeline;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.newsflow.enrich.config.EnrichConfig;
import org.newsflow.enrich.reprint.DatabaseFingerprintIndex;
import org.newsflow.enrich.story.DatabaseStoryIndex;

import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the reprint and story indexes to their windows: fingerprints older than the reprint window and story
 * keys older than twice the story window can no longer match, so they are deleted.
 */
@ApplicationScoped
public class IndexJanitor {

    private static final Logger LOG = Logger.getLogger(IndexJanitor.class);

    private final EnrichConfig config;
    private final DatabaseFingerprintIndex fingerprints;
    private final DatabaseStoryIndex stories;

    IndexJanitor(EnrichConfig config, DatabaseFingerprintIndex fingerprints, DatabaseStoryIndex stories) {
        this.config = config;
        this.fingerprints = fingerprints;
        this.stories = stories;
    }

    @Scheduled(every = "${newsflow.enrich.janitor-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetExpired() {
        Instant now = Instant.now();
        int fingerprinted = fingerprints.forgetBefore(now.minus(config.reprints().window()));
        int storyKeys = stories.forgetBefore(now.minus(config.stories().window().multipliedBy(2)));
        if (fingerprinted + storyKeys > 0) {
            LOG.infof("forgot %d fingerprints and %d story keys outside their windows", fingerprinted, storyKeys);
        }
    }
}
