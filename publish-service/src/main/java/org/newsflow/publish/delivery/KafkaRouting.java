package org.newsflow.publish.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsflow.contract.CloudEventHeaders;
import org.newsflow.publish.problem.ProblemException;

/**
 * The Kafka channel: a subscription's own topic {@code newsflow.sub.<name>}, created when the subscription is
 * saved, and the producer that writes its messages (binary CloudEvents, key = article uri, idempotent,
 * {@code acks=all}). Messages go through the same ordered, retried queue as webhooks.
 */
@ApplicationScoped
public class KafkaRouting {

    public static final String PREFIX = "newsflow.sub.";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,99}");

    private final Map<String, Object> kafka;
    private volatile KafkaProducer<String, String> producer;

    /** With the application's {@code kafka.*} settings, as every other client: security (SASL, TLS) applies here too. */
    KafkaRouting(@io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    private Properties settings(java.util.Set<String> known) {
        Properties properties = new Properties();
        properties.putAll(org.newsflow.platform.kafka.KafkaClientSettings.forClient(kafka, known));
        return properties;
    }

    /** Removes a Kafka-channel topic from the broker (gone already is fine). */
    public void deleteTopic(String topic) {
        if (!topic.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a Kafka-channel topic: " + topic);
        }
        Properties properties = settings(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
        properties.put("request.timeout.ms", "10000");
        try (Admin admin = Admin.create(properties)) {
            admin.deleteTopics(List.of(topic)).all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                throw new IllegalStateException("the topic " + topic + " could not be deleted: " + e.getCause().getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The topic for a requested name, created if it does not exist yet. */
    public String topicFor(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ProblemException.invalid("channel.topic", "topic-name",
                    "channel.topic: 1–100 characters, lower-case letters, digits, '.', '_' and '-'; the topic is newsflow.sub.<topic>");
        }
        String topic = PREFIX + name;
        Properties properties = settings(org.apache.kafka.clients.admin.AdminClientConfig.configNames());
        properties.put("request.timeout.ms", "10000");
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(topic, java.util.Optional.empty(), java.util.Optional.empty())))
                    .all().get(15, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new ProblemException(503, "kafka-unavailable", "Service Unavailable",
                        "the topic " + topic + " could not be created: " + e.getCause().getMessage());
            }
        } catch (TimeoutException e) {
            throw new ProblemException(503, "kafka-unavailable", "Service Unavailable", "Kafka did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProblemException(503, "kafka-unavailable", "Service Unavailable", "interrupted");
        }
        return topic;
    }

    /** Writes one message; completes when the broker acknowledged it, or exceptionally after {@code timeout}. */
    public java.util.concurrent.CompletableFuture<Void> send(String topic, String key, String messageId, String type,
            String subject, String body, Duration timeout) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, body);
        Map<String, String> headers = Map.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0,
                CloudEventHeaders.ID, messageId, CloudEventHeaders.TYPE, type,
                CloudEventHeaders.SOURCE, "/newsflow/publish-service", CloudEventHeaders.SUBJECT, subject,
                CloudEventHeaders.TIME, java.time.Instant.now().toString(), CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        java.util.concurrent.CompletableFuture<Void> acknowledged = new java.util.concurrent.CompletableFuture<>();
        try {
            producer(timeout).send(record, (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.complete(null);
                } else {
                    acknowledged.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) { // no metadata within max.block.ms, or a record too large
            acknowledged.completeExceptionally(e);
        }
        return acknowledged.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private KafkaProducer<String, String> producer(Duration timeout) {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties properties = settings(ProducerConfig.configNames());
                    properties.put(ProducerConfig.ACKS_CONFIG, "all");
                    properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    // send() waits for a topic's metadata on the caller's thread: no longer than a delivery may take
                    properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(timeout.toMillis()));
                    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    producer = new KafkaProducer<>(properties);
                }
            }
        }
        return producer;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
