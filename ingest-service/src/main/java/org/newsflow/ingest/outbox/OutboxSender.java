package org.newsflow.ingest.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.platform.kafka.KafkaClientSettings;

import io.smallrye.common.annotation.Identifier;

/**
 * Sends outbox events to Kafka as CloudEvents in binary mode, with an idempotent producer and acks=all.
 * Uses the application's {@code kafka.*} configuration, so security settings apply here too.
 */
@ApplicationScoped
public class OutboxSender {

    private final KafkaProducer<String, String> producer;
    private final String source;

    OutboxSender(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, IngestConfig ingest,
            OutboxConfig outbox) {
        Map<String, Object> config = KafkaClientSettings.forClient(kafkaConfig, ProducerConfig.configNames());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ingest-outbox-relay");
        // a relay round hands Kafka up to batch-size events at once: let them travel as a few large compressed
        // batches rather than one 12 KB record per request (kafka.linger.ms / batch.size / compression.type override)
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) outbox.sendTimeout().toMillis());
        int timeout = (int) outbox.sendTimeout().toMillis();
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeout, 30_000));
        int linger = Integer.parseInt(config.get(ProducerConfig.LINGER_MS_CONFIG).toString());
        // Kafka insists on delivery.timeout.ms >= linger.ms + request.timeout.ms
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeout, Math.min(timeout, 30_000) + linger + 1));
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.source = ingest.eventSource().toString();
    }

    /**
     * Sends the events in order and waits for Kafka's answer to each, at most {@code timeout} in all. Returns the
     * failure of each event (null where Kafka acknowledged it), so that one refused event neither holds back nor
     * re-sends the others.
     */
    public List<Exception> sendAll(List<OutboxEvent> events, Duration timeout) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size());
        List<Exception> failures = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            try {
                acks.add(producer.send(toRecord(event)));
            } catch (KafkaException e) { // refused before sending (too large for max.request.size, say)
                acks.add(java.util.concurrent.CompletableFuture.failedFuture(e));
            }
        }
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                failures.add(null);
            } catch (ExecutionException e) {
                failures.add(e.getCause() instanceof Exception cause ? cause : e);
            } catch (java.util.concurrent.TimeoutException e) {
                failures.add(e);
            }
        }
        return failures;
    }

    private ProducerRecord<String, String> toRecord(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, event.eventId);
        header(headers, CloudEventHeaders.TYPE, event.eventType);
        header(headers, CloudEventHeaders.SOURCE, source);
        header(headers, CloudEventHeaders.SUBJECT, event.subject);
        header(headers, CloudEventHeaders.TIME,
                DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.createdAt.atOffset(ZoneOffset.UTC)));
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (event.traceParent != null) {
            header(headers, "traceparent", event.traceParent); // W3C trace context: the trace goes on downstream
        }
        return new ProducerRecord<>(event.topic, null, event.recordKey, event.payload, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
