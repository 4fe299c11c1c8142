package org.newsflow.platform.hop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;
import org.newsflow.contract.CloudEventHeaders;

import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

class KafkaHopTest {

    private final RetryPolicy quick = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 3);
    private final Map<String, Throwable> nacked = new ConcurrentHashMap<>();
    private final Set<String> acked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger deadLettered = new AtomicInteger();
    private final List<List<String>> calls = new CopyOnWriteArrayList<>();

    @Test
    void poisonInTheMiddleOfABatchIsSetAsideAloneBeforeTheCallAndItsNeighboursAreProcessedOnceInOrder() {
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(10, Duration.ofSeconds(10)), Runnable::run, deadLettered::incrementAndGet);

        List<String> out = run(hop, List.of(input("e1", "a"), input("e2", "poison"), input("e3", "c"), input("e1", "a")),
                batch -> batch.stream().map(in -> Optional.of(Message.of(in.value().toUpperCase()))).toList());

        assertThat(out).containsExactly("A", "C");
        assertThat(calls).as("one call for the batch, without the poison and without the repeat of e1")
                .containsExactly(List.of("a", "c"));
        assertThat(nacked).containsOnlyKeys("e2");
        assertThat(nacked.get("e2")).hasMessage("not an article");
        assertThat(deadLettered).hasValue(1);
        assertThat(acked).as("the repeat is acknowledged: its twin's output stands for it").contains("e1");
    }

    @Test
    void anInputWithoutOutputIsAcknowledgedOnceTheCallReturned() {
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(10, Duration.ofSeconds(10)), Runnable::run, deadLettered::incrementAndGet);

        List<String> out = run(hop, List.of(input("e1", "old version"), input("e2", "new")),
                batch -> batch.stream().map(in -> in.value().startsWith("old") ? Optional.<Message<String>> empty()
                        : Optional.of(Message.of(in.value()))).toList());

        assertThat(out).containsExactly("new");
        assertThat(acked).containsExactly("e1");
    }

    @Test
    void anOutageRetriesTheWholeBatchUntilItIsOver() {
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(10, Duration.ofSeconds(10)), Runnable::run, deadLettered::incrementAndGet);
        AtomicInteger tries = new AtomicInteger();

        List<String> out = run(hop, List.of(input("e1", "a"), input("e2", "b")), batch -> {
            if (tries.incrementAndGet() < 8) { // more tries than a bug gets: an outage is never given up on
                throw new IllegalStateException("commit failed", new SQLTransientConnectionException("gone", "08006"));
            }
            return batch.stream().map(in -> Optional.of(Message.of(in.value()))).toList();
        });

        assertThat(out).containsExactly("a", "b");
        assertThat(tries).hasValue(8);
        assertThat(calls).allSatisfy(call -> assertThat(call).containsExactly("a", "b"));
        assertThat(nacked).isEmpty();
    }

    @Test
    void aBugSplitsTheBatchAndOnlyTheEventItIsAboutIsTriedThreeTimesThenSetAside() {
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(10, Duration.ofSeconds(10)), Runnable::run, deadLettered::incrementAndGet);

        List<String> out = run(hop, List.of(input("e1", "a"), input("e2", "bug"), input("e3", "c")), batch -> {
            if (batch.stream().anyMatch(in -> in.value().equals("bug"))) {
                throw new NullPointerException("a rule met an article it did not expect");
            }
            return batch.stream().map(in -> Optional.of(Message.of(in.value()))).toList();
        });

        assertThat(out).containsExactly("a", "c");
        assertThat(calls).containsExactly(List.of("a", "bug", "c"), List.of("a"), List.of("bug"), List.of("bug"),
                List.of("bug"), List.of("c"));
        assertThat(nacked).containsOnlyKeys("e2");
        assertThat(nacked.get("e2")).isInstanceOf(PoisonEvent.class).hasMessageContaining("failed 3 times");
    }

    @Test
    void batchesHoldWhatArrivedWhileTheLastWasHandledAndNoMoreThanTheMost() {
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(3, Duration.ofSeconds(10)), Runnable::run, deadLettered::incrementAndGet);
        List<Message<byte[]>> inputs = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            inputs.add(input("e" + i, "n" + i));
        }

        List<String> out = run(hop, inputs, batch -> batch.stream().map(in -> Optional.of(Message.of(in.value()))).toList());

        assertThat(out).containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7");
        assertThat(calls).allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(3));
        assertThat(calls.stream().flatMap(List::stream).toList()).containsExactly("n1", "n2", "n3", "n4", "n5", "n6", "n7");
    }

    @Test
    void aBatchHoldsNoMoreThanTheHopHandlesInTheBatchTimeAtThePaceItMeasured() {
        // Given a hop whose step takes 10 ms per input and may spend 25 ms on a batch
        KafkaHop hop = new KafkaHop("articles.test", quick, new KafkaHop.BatchLimits(6, Duration.ofMillis(25)), Runnable::run,
                deadLettered::incrementAndGet);
        List<Message<byte[]>> inputs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            inputs.add(input("e" + i, "n" + i));
        }

        // When a backlog of 12 is there at once
        List<String> out = run(hop, inputs, batch -> {
            try {
                Thread.sleep(10L * batch.size());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return batch.stream().map(in -> Optional.of(Message.of(in.value()))).toList();
        });

        // Then the first batch, before anything was measured, takes the most; the later ones only what fits 25 ms
        assertThat(out).hasSize(12);
        assertThat(calls.get(0)).hasSize(6);
        assertThat(calls.subList(1, calls.size())).isNotEmpty().allSatisfy(call -> assertThat(call).hasSizeLessThanOrEqualTo(2));
    }

    @Test
    void failuresAreClassifiedOneWay() {
        assertThat(Failure.of(new PoisonEvent("x"))).isEqualTo(Failure.POISON);
        assertThat(Failure.of(new RuntimeException(new java.sql.SQLException("down", "57P01")))).isEqualTo(Failure.OUTAGE);
        assertThat(Failure.of(new IllegalArgumentException("x"))).isEqualTo(Failure.BUG);
    }

    private List<String> run(KafkaHop hop, List<Message<byte[]>> inputs,
            java.util.function.Function<List<KafkaHop.Decoded<String>>, List<Optional<Message<String>>>> processAll) {
        return hop.<String> run(Multi.createFrom().iterable(inputs), message -> {
            String text = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (text.equals("poison")) {
                throw new PoisonEvent("not an article");
            }
            return text;
        }, batch -> {
            calls.add(batch.stream().map(KafkaHop.Decoded::value).toList());
            return processAll.apply(batch);
        }).map(Message::getPayload).collect().asList().await().atMost(Duration.ofSeconds(5));
    }

    private Message<byte[]> input(String eventId, String payload) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("articles.test", 0, 0, "key",
                payload.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
        return Message.of(record.value(), Metadata.of(new IncomingKafkaRecordMetadata<>(record, "test")), () -> {
            acked.add(eventId);
            return CompletableFuture.completedFuture(null);
        }, failure -> {
            nacked.put(eventId, failure);
            return CompletableFuture.completedFuture(null);
        });
    }
}
