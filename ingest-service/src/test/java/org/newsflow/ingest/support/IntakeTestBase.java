package org.newsflow.ingest.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.newsflow.contract.Topics;
import org.newsflow.ingest.support.IngestApi.TestPublisher;
import org.newsflow.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The usual stage of an intake test: a freshly registered publisher, and a consumer of
 * {@code articles.submitted} that sees only what the test causes.
 */
public abstract class IntakeTestBase {

    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static final ObjectMapper JSON = new ObjectMapper();

    protected TestPublisher publisher;
    protected TopicReader submitted;

    /** Publisher id prefix, for readable test data. */
    protected abstract String publisherName();

    @BeforeEach
    void givenARegisteredPublisherAndAConsumer() {
        publisher = IngestApi.register(publisherName(), false);
        submitted = TopicReader.atEnd(Topics.ARTICLES_SUBMITTED);
    }

    @AfterEach
    void closeTheConsumer() {
        submitted.close();
    }

    /** The next articles.submitted record of this uri. */
    protected ConsumerRecord<String, String> submittedRecord(String uri) {
        return submitted.next(r -> uri.equals(r.key()), WAIT);
    }

    /** The ninjs article of the next articles.submitted record of this uri, as enrich-service gets it. */
    protected JsonNode submittedArticle(String uri) {
        return submittedEvent(uri).get("article");
    }

    protected JsonNode submittedEvent(String uri) {
        try {
            return JSON.readTree(submittedRecord(uri).value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
