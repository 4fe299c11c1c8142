package org.newsflow.platform.hop;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Multi;

class KafkaHopTest {

    private final RetryPolicy quick = new RetryPolicy(Duration.ofMillis(1), Duration.ofMillis(5), 3);
    private final Map<String, Throwable> nacked = new ConcurrentHashMap<>();
    private final AtomicInteger deadLettered = new AtomicInteger();

    @Test
    void poisonInTheMiddleIsSetAsideAloneAndItsNeighboursGoOnInOrder() {
        KafkaHop hop = new KafkaHop("articles.test", quick, Runnable::run, deadLettered::incrementAndGet);

        List<String> out = hop.run(Multi.createFrom().items(input("a"), input("poison"), input("c")), message -> {
            if (message.getPayload()[0] == 'p') {
                throw new PoisonEvent("not an article");
            }
            return Optional.of(Message.of(new String(message.getPayload()).toUpperCase()));
        }).map(Message::getPayload).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(out).containsExactly("A", "C");
        assertThat(nacked).containsOnlyKeys("poison");
        assertThat(nacked.get("poison")).hasMessage("not an article");
        assertThat(deadLettered).hasValue(1);
    }

    @Test
    void anOutageIsWaitedOutAndABugIsTriedThreeTimesThenSetAside() {
        KafkaHop hop = new KafkaHop("articles.test", quick, Runnable::run, deadLettered::incrementAndGet);
        AtomicInteger outageTries = new AtomicInteger();
        AtomicInteger bugTries = new AtomicInteger();

        List<String> out = hop.run(Multi.createFrom().items(input("outage"), input("bug")), message -> {
            if (message.getPayload()[0] == 'o') {
                if (outageTries.incrementAndGet() < 8) { // more tries than a bug gets: an outage is never given up on
                    throw new IllegalStateException("commit failed", new SQLTransientConnectionException("gone", "08006"));
                }
                return Optional.of(Message.of("stored"));
            }
            bugTries.incrementAndGet();
            throw new NullPointerException("a rule met an article it did not expect");
        }).map(Message::getPayload).collect().asList().await().atMost(Duration.ofSeconds(5));

        assertThat(out).containsExactly("stored");
        assertThat(outageTries).hasValue(8);
        assertThat(bugTries).hasValue(3);
        assertThat(nacked).containsOnlyKeys("bug");
        assertThat(nacked.get("bug")).isInstanceOf(PoisonEvent.class).hasMessageContaining("failed 3 times");
    }

    @Test
    void failuresAreClassifiedOneWay() {
        assertThat(Failure.of(new PoisonEvent("x"))).isEqualTo(Failure.POISON);
        assertThat(Failure.of(new RuntimeException(new java.sql.SQLException("down", "57P01")))).isEqualTo(Failure.OUTAGE);
        assertThat(Failure.of(new IllegalArgumentException("x"))).isEqualTo(Failure.BUG);
    }

    private Message<byte[]> input(String name) {
        return Message.of(name.getBytes(), () -> CompletableFuture.completedFuture(null), failure -> {
            nacked.put(name, failure);
            return CompletableFuture.completedFuture(null);
        });
    }
}
