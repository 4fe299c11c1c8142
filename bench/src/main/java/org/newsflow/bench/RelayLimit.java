package org.newsflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The physical limit the pipeline is compared with: the same number of records relayed over three hops on the same
 * broker (consume → produce, acks=all, idempotent, as the services do), doing no work; each hop writes records of
 * the size Newsflow writes on it (submitted, enriched, published), the first topic is filled with the first size.
 */
final class RelayLimit {

    private final String bootstrap;

    RelayLimit(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** As {@link #measure(int, int[], int)} with records of one size on every hop. */
    double measure(int records, int recordBytes, int partitions) throws Exception {
        return measure(records, new int[] { recordBytes, recordBytes, recordBytes, recordBytes }, partitions);
    }

    /**
     * Records per second from the first record produced to the last one read after the third hop; {@code bytes[0]}
     * is the size put on the first topic, {@code bytes[h]} the size hop {@code h} writes.
     */
    double measure(int records, int[] bytes, int partitions) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> topics = new ArrayList<>();
        for (int hop = 0; hop <= 3; hop++) {
            topics.add("bench.relay." + run + "." + hop);
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList()).all().get();
        }
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch assigned = new CountDownLatch(3); // consumer groups take seconds to form: not part of the figure
        List<Thread> relays = new ArrayList<>();
        for (int hop = 0; hop < 3; hop++) {
            String from = topics.get(hop);
            String to = topics.get(hop + 1);
            byte[] written = filled(bytes[hop + 1]);
            Thread relay = new Thread(() -> relay(from, to, written, running, assigned), "relay-" + hop);
            relay.start();
            relays.add(relay);
        }
        byte[] payload = filled(bytes[0]);
        long start;
        try (KafkaConsumer<String, byte[]> last = consumer("bench-relay-end-" + run);
                KafkaProducer<String, byte[]> producer = producer()) {
            last.subscribe(List.of(topics.get(3)));
            while (last.assignment().isEmpty()) {
                last.poll(Duration.ofMillis(100));
            }
            assigned.await();
            start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topics.get(0), "key-" + i, payload));
            }
            producer.flush();
            int read = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (read < records && System.nanoTime() < deadline) {
                read += last.poll(Duration.ofMillis(200)).count();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread relay : relays) {
                relay.join();
            }
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.deleteTopics(topics).all().get();
            }
            return read / seconds;
        }
    }

    private static byte[] filled(int size) {
        byte[] payload = new byte[Math.max(1, size)];
        java.util.Arrays.fill(payload, (byte) 'x');
        return payload;
    }

    private void relay(String from, String to, byte[] written, AtomicBoolean running, CountDownLatch assigned) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-relay-" + from);
                KafkaProducer<String, byte[]> producer = producer()) {
            consumer.subscribe(List.of(from));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            assigned.countDown();
            while (running.get()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    producer.send(new ProducerRecord<>(to, record.key(), written));
                }
                consumer.commitAsync(); // a relay doing no work: asynchronous sends and commits
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer(String group) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(256 * 1024));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
