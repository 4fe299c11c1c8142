package org.newsflow.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The average size (value and headers) of the latest records on a topic: what Newsflow really writes on a hop. */
final class TopicSizes {

    private final String bootstrap;

    TopicSizes(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The mean bytes of up to {@code latest} records at the end of {@code topic}; 0 when it holds none. */
    int averageBytes(String topic, int latest) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long wanted = 0;
            for (TopicPartition partition : partitions) {
                long from = Math.max(0, ends.get(partition) - latest / partitions.size());
                wanted += ends.get(partition) - from;
                consumer.seek(partition, from);
            }
            long bytes = 0;
            long read = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (read < wanted && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read++;
                    bytes += record.value() == null ? 0 : record.value().length;
                    for (Header header : record.headers()) {
                        bytes += header.key().length() + (header.value() == null ? 0 : header.value().length);
                    }
                }
            }
            return read == 0 ? 0 : (int) (bytes / read);
        }
    }
}
