package org.newsflow.launcher;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;

/** What the local Kafka cluster looks like now: partition leaders and in-sync replicas, the active controller. */
final class ClusterView {

    private final Settings settings;

    ClusterView(Settings settings) {
        this.settings = settings;
    }

    /** The broker that leads {@code partition} of {@code topic}; -1 when it has no leader. */
    int leaderOf(String topic, int partition) {
        try (Admin admin = admin()) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(topic);
            TopicPartitionInfo info = description.partitions().get(partition);
            return info.leader() == null ? -1 : info.leader().id();
        } catch (Exception e) {
            throw Console.fail("cannot describe " + topic + ": " + e.getMessage());
        }
    }

    /** The node id of the active controller of the KRaft quorum. */
    int activeController() {
        try (Admin admin = admin()) {
            return admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS).leaderId();
        } catch (Exception e) {
            throw Console.fail("cannot describe the controller quorum: " + e.getMessage());
        }
    }

    void print() {
        try (Admin admin = admin()) {
            Console.info("active controller: broker " + admin.describeMetadataQuorum().quorumInfo().get(30, TimeUnit.SECONDS)
                    .leaderId());
            Map<String, TopicDescription> topics = admin.describeTopics(Broker.TOPICS).allTopicNames().get(30, TimeUnit.SECONDS);
            for (String topic : Broker.TOPICS) {
                for (TopicPartitionInfo partition : topics.get(topic).partitions()) {
                    Console.info(String.format("  %-24s %d  leader %-4s in sync %s", topic, partition.partition(),
                            partition.leader() == null ? "none" : Integer.toString(partition.leader().id()),
                            partition.isr().stream().map(node -> Integer.toString(node.id())).toList()));
                }
            }
        } catch (Exception e) {
            throw Console.fail("cannot describe the cluster: " + e.getMessage());
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000));
    }
}
