package org.newsflow.platform.hop;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;
import org.newsflow.contract.CloudEventHeaders;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The consume → process → produce skeleton every service's Kafka hop runs on. Inputs are taken in batches of what
 * has arrived while the last batch was handled ({@link AvailableBatches}), on the given executor, one batch at a time
 * and in offset order. A batch holds at most {@link BatchLimits#most()} inputs, and no more than the hop handles in
 * {@link BatchLimits#time()} at the pace it has measured: every output of a batch waits for the batch's commit, so
 * the time bound is what keeps a backlog (after a pause, a burst) from delaying its first events by all of it. Each input is decoded alone first: poison (it cannot be
 * decoded, or has no {@code ce_id}) is dead-lettered byte for byte before any transaction — the input is nacked with
 * its reason, the channel's dead-letter queue takes it — and its neighbours go on. An event id seen twice in one
 * batch (the relay re-sent it) is processed once. The rest is processed by one call, which the service makes one
 * transaction. A failure of that call is classified by {@link Failure}: an outage is retried, whole, with back-off
 * until it is over; anything else splits the batch so that each input is tried alone, where a bug is tried
 * {@link RetryPolicy#bugAttempts()} times in all and then dead-lettered like poison. An input the call emits
 * nothing for is acknowledged once the call returned (its transaction committed); one it emits for is acknowledged
 * by its output, once Kafka has that.
 */
public final class KafkaHop {

    private static final Logger LOG = Logger.getLogger(KafkaHop.class);

    /** An input the batch call is given: the message, its CloudEvents id, and what the service decoded from it. */
    public record Decoded<I>(Message<byte[]> message, String eventId, I value) {
    }

    /** How large a batch may grow: {@code most} inputs, and what the hop handles in about {@code time}. */
    public record BatchLimits(int most, Duration time) {

        public BatchLimits {
            if (most < 1 || time.isNegative() || time.isZero()) {
                throw new IllegalArgumentException("newsflow.hop: most-per-batch >= 1, batch-time > 0");
            }
        }

        /** {@code newsflow.hop.most-per-batch} (200) and {@code newsflow.hop.batch-time} (50ms). */
        public static BatchLimits from(org.eclipse.microprofile.config.Config config) {
            return new BatchLimits(config.getOptionalValue("newsflow.hop.most-per-batch", Integer.class).orElse(200),
                    config.getOptionalValue("newsflow.hop.batch-time", Duration.class).orElse(Duration.ofMillis(50)));
        }
    }

    private final String topic;
    private final RetryPolicy retry;
    private final BatchLimits limits;
    private final Executor executor;
    private final Runnable onDeadLetter;
    /** Nanoseconds one input took, smoothed over the batches so far; 0 until the first batch. */
    private volatile double nanosPerInput;

    /** A hop reading {@code topic}; {@code onDeadLetter} counts what it sets aside. */
    public KafkaHop(String topic, RetryPolicy retry, BatchLimits limits, Executor executor, Runnable onDeadLetter) {
        this.topic = topic;
        this.retry = retry;
        this.limits = limits;
        this.executor = executor;
        this.onDeadLetter = onDeadLetter;
    }

    /**
     * The outputs for every input, in input order. {@code decode} turns one input into what the service works on
     * (throwing {@link PoisonEvent} when it cannot); {@code processAll} handles a batch in one transaction and gives
     * one result per input, in the same order — empty when there is nothing to emit for it.
     */
    public <I> Multi<Message<String>> run(Multi<Message<byte[]>> inputs, Function<Message<byte[]>, I> decode,
            Function<List<Decoded<I>>, List<Optional<Message<String>>>> processAll) {
        return AvailableBatches.of(inputs, limits.most(), this::mostNow)
                .onItem().transformToUniAndConcatenate(batch -> Uni.createFrom().item(() -> handle(batch, decode, processAll))
                        .runSubscriptionOn(executor))
                .onItem().transformToIterable(outputs -> outputs);
    }

    /** The most inputs the next batch takes: as many as fit the batch time at the measured pace. */
    private int mostNow() {
        double perInput = nanosPerInput;
        return perInput <= 0 ? limits.most() : (int) Math.max(1, Math.min(limits.most(), limits.time().toNanos() / perInput));
    }

    private void measured(int inputs, long nanos) {
        double perInput = (double) nanos / inputs;
        double before = nanosPerInput;
        nanosPerInput = before <= 0 ? perInput : 0.8 * before + 0.2 * perInput;
    }

    private <I> List<Message<String>> handle(List<Message<byte[]>> batch, Function<Message<byte[]>, I> decode,
            Function<List<Decoded<I>>, List<Optional<Message<String>>>> processAll) {
        List<Decoded<I>> usable = new ArrayList<>(batch.size());
        List<Message<byte[]>> repeats = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Message<byte[]> input : batch) {
            Decoded<I> decoded;
            try {
                String eventId = eventId(input);
                decoded = new Decoded<>(input, eventId, decode.apply(input));
            } catch (RuntimeException failure) { // decoding is the same on every try: nothing to wait for
                deadLetter(input, failure instanceof PoisonEvent poison ? poison
                        : new PoisonEvent("the event cannot be decoded: " + failure, failure));
                continue;
            }
            if (seen.add(decoded.eventId())) {
                usable.add(decoded);
            } else {
                repeats.add(input);
            }
        }
        List<Message<String>> outputs = process(usable, processAll);
        repeats.forEach(Message::ack); // its twin's result stands for it
        return outputs;
    }

    private <I> List<Message<String>> process(List<Decoded<I>> usable,
            Function<List<Decoded<I>>, List<Optional<Message<String>>>> processAll) {
        if (usable.isEmpty()) {
            return List.of();
        }
        int outages = 0;
        int bugs = 0;
        while (true) {
            List<Optional<Message<String>>> results;
            try {
                long start = System.nanoTime();
                results = processAll.apply(usable);
                measured(usable.size(), System.nanoTime() - start);
            } catch (RuntimeException failure) {
                Failure kind = Failure.of(failure);
                if (kind == Failure.OUTAGE) {
                    LOG.warnf("A batch of %d events of %s met an outage and is tried again: %s", usable.size(), topic, failure);
                    pause(outages++);
                    continue;
                }
                if (usable.size() > 1) { // find the one it is about; the others are not held up by it
                    LOG.warnf("A batch of %d events of %s failed (%s); each is tried alone: %s", usable.size(), topic, kind, failure);
                    List<Message<String>> outputs = new ArrayList<>();
                    usable.forEach(one -> outputs.addAll(process(List.of(one), processAll)));
                    return outputs;
                }
                if (kind == Failure.BUG && ++bugs < retry.bugAttempts()) {
                    LOG.warnf("An event of %s failed (%s) and is tried again: %s", topic, kind, failure);
                    pause(bugs - 1);
                    continue;
                }
                deadLetter(usable.get(0).message(), kind == Failure.POISON && !(failure instanceof PoisonEvent)
                        ? new PoisonEvent("the event breaks a storage rule (" + Failure.rootMessage(failure) + ")", failure)
                        : failure instanceof PoisonEvent poison ? poison
                                : new PoisonEvent("processing failed " + retry.bugAttempts() + " times: " + failure, failure));
                return List.of();
            }
            if (results.size() != usable.size()) {
                throw new IllegalStateException("a batch call gave " + results.size() + " results for " + usable.size() + " inputs");
            }
            List<Message<String>> outputs = new ArrayList<>(results.size());
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).isPresent()) {
                    outputs.add(results.get(i).get());
                } else {
                    usable.get(i).message().ack();
                }
            }
            return outputs;
        }
    }

    private void deadLetter(Message<byte[]> input, PoisonEvent reason) {
        LOG.warnf("Dead-lettering an event of %s: %s", topic, reason.getMessage());
        onDeadLetter.run();
        input.nack(reason);
    }

    private void pause(int tried) {
        long wait = Math.min(retry.longestWait().toMillis(), retry.firstWait().toMillis() << Math.min(tried, 20));
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to try a batch of " + topic + " again", e);
        }
    }

    /** The input's CloudEvents id ({@code ce_id}): the key of the processed-event log; poison when missing. */
    public static String eventId(Message<byte[]> input) {
        IncomingKafkaRecordMetadata<?, ?> kafka = input.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new PoisonEvent("not a Kafka record"));
        Header header = kafka.getHeaders().lastHeader(CloudEventHeaders.ID);
        String id = header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        if (id == null || id.isBlank()) {
            throw new PoisonEvent("missing CloudEvents header ce_id: events must carry a stable id");
        }
        return id;
    }

    /** An output's metadata: binary CloudEvents attributes, the record key, and the input's trace so that it goes on. */
    public static Metadata outgoing(Message<?> input, String eventId, String type, URI source, String subject, Instant time,
            String key) {
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(eventId)
                .withType(type)
                .withSource(source)
                .withSubject(subject)
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEventHeaders.JSON)
                .build();
        Metadata metadata = Metadata.of(cloudEvent, OutgoingKafkaRecordMetadata.<String> builder().withKey(key).build());
        return TracingMetadata.fromMessage(input).map(metadata::with).orElse(metadata);
    }
}
