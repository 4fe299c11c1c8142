package org.newsflow.publish.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.SmallRyeHealthReporter;

/**
 * What the console's pipeline page shows: how far each topic has grown (records so far; the page derives
 * throughput from two readings), how far each consumer group is behind (lag), and the readiness of each service.
 */
@ApplicationScoped
public class PipelineStatus {

    private static final Logger LOG = Logger.getLogger(PipelineStatus.class);
    private static final long KAFKA_TIMEOUT_SECONDS = 5;

    public record TopicView(String name, long records) {
    }

    public record GroupView(String group, String topic, long lag) {
    }

    public record ServiceView(String name, String status, String detail) {
    }

    public record PipelineView(Instant at, List<TopicView> topics, List<GroupView> groups, List<ServiceView> services,
            String kafkaError) {
    }

    private final Map<String, Object> kafkaConfig;
    private final OperationsConfig config;
    private final SmallRyeHealthReporter health;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Admin admin;

    @Inject
    PipelineStatus(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, OperationsConfig config,
            SmallRyeHealthReporter health, ObjectMapper json) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.health = health;
        this.json = json;
    }

    public PipelineView now() {
        List<TopicView> topics = new ArrayList<>();
        List<GroupView> groups = new ArrayList<>();
        String kafkaError = null;
        try {
            readKafka(topics, groups);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e.getCause() != e ? e.getCause() : e;
            kafkaError = "Kafka did not answer: " + e.getMessage() + (cause != e ? " (" + cause.getMessage() + ")" : "");
            LOG.debugf(e, "pipeline status: Kafka did not answer");
        }
        return new PipelineView(Instant.now(), topics, groups, services(), kafkaError);
    }

    private void readKafka(List<TopicView> topics, List<GroupView> groups) throws Exception {
        Admin kafka = admin();
        Map<String, TopicDescription> described = kafka.describeTopics(config.topics()).allTopicNames()
                .get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described.values().forEach(d -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all()
                .get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<String, Long> records = new TreeMap<>();
        ends.forEach((partition, end) -> records.merge(partition.topic(), end.offset(), Long::sum));
        config.topics().forEach(topic -> topics.add(new TopicView(topic, records.getOrDefault(topic, 0L))));

        Collection<ConsumerGroupListing> listed = kafka.listConsumerGroups().all().get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        for (ConsumerGroupListing group : listed) {
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<String, Long> lag = new TreeMap<>();
            committed.forEach((partition, offset) -> {
                ListOffsetsResultInfo end = ends.get(partition);
                if (end != null && offset != null) {
                    lag.merge(partition.topic(), Math.max(0, end.offset() - offset.offset()), Long::sum);
                }
            });
            lag.forEach((topic, behind) -> groups.add(new GroupView(group.groupId(), topic, behind)));
        }
        groups.sort(java.util.Comparator.comparing(GroupView::group).thenComparing(GroupView::topic));
    }

    private List<ServiceView> services() {
        List<ServiceView> services = new ArrayList<>();
        services.add(new ServiceView("publish-service", health.getReadiness().getPayload().getString("status"), "this service"));
        config.services().forEach((name, url) -> services.add(probe(name, url)));
        return services;
    }

    private ServiceView probe(String name, URI readiness) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(3)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = json.readTree(answer.body());
            return new ServiceView(name, body.path("status").asText(answer.statusCode() == 200 ? "UP" : "DOWN"),
                    readiness.toString());
        } catch (Exception e) {
            return new ServiceView(name, "UNREACHABLE", readiness + ": " + e.getClass().getSimpleName());
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaConfig.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    settings.put(key, value);
                }
            });
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "publish-service-console");
            int timeout = (int) TimeUnit.SECONDS.toMillis(KAFKA_TIMEOUT_SECONDS);
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout); // not above the API timeout
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout);
            admin = Admin.create(settings);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
