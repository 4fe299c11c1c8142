package org.newsflow.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic the way a consumer of Newsflow would, starting at the end of the topic when it is opened, so a
 * test sees only what it caused. Test topics have one partition, so records come in the order they were written.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicReader(String bootstrapServers, String topic) {
        this(bootstrapServers, topic, true);
    }

    private TopicReader(String bootstrapServers, String topic, boolean atEnd) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        if (atEnd) {
            consumer.seekToEnd(partitions);
        } else {
            consumer.seekToBeginning(partitions);
        }
        partitions.forEach(consumer::position); // resolve the end offsets now, before the test writes
    }

    /** Opens a reader at the current end of {@code topic} on the shared test broker (created if missing). */
    public static TopicReader atEnd(String topic) {
        TestKafka.ensureTopics(topic);
        return new TopicReader(TestKafka.bootstrapServers(), topic);
    }

    /** Opens a reader at the beginning of {@code topic} on the shared test broker. */
    public static TopicReader fromStart(String topic) {
        TestKafka.ensureTopics(topic);
        return new TopicReader(TestKafka.bootstrapServers(), topic, false);
    }

    /** Opens a reader at the current end of {@code topic} on any broker. */
    public static TopicReader atEnd(String bootstrapServers, String topic) {
        return new TopicReader(bootstrapServers, topic);
    }

    /** Waits for the first record (since opening) that matches; fails after the timeout. */
    public ConsumerRecord<String, String> next(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int checked = 0;
        while (true) {
            for (; checked < seen.size(); checked++) {
                if (match.test(seen.get(checked))) {
                    return seen.get(checked);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no matching record within " + timeout + "; saw " + seen.size() + " record(s)");
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
    }

    /** Every record read so far, up to and including the first one matching {@code last}. */
    public List<ConsumerRecord<String, String>> readThrough(Predicate<ConsumerRecord<String, String>> last,
            Duration timeout) {
        ConsumerRecord<String, String> end = next(last, timeout);
        return List.copyOf(seen.subList(0, seen.indexOf(end) + 1));
    }

    /**
     * Reads until {@code done} holds for every record read since opening, or the timeout passes; either way, every
     * record read so far (a caller asserts on what is missing).
     */
    public List<ConsumerRecord<String, String>> readUntil(Predicate<List<ConsumerRecord<String, String>>> done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.test(seen) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return List.copyOf(seen);
    }

    /** Reads for {@code duration} more; every record read since opening. */
    public List<ConsumerRecord<String, String>> readFor(Duration duration) {
        return readUntil(records -> false, duration);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
