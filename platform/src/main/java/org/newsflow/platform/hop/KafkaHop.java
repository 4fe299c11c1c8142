package org.newsflow.platform.hop;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
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
 * The consume → process → produce skeleton every service's Kafka hop runs on: one input at a time per stream, in
 * order, on the given executor; a failure classified by {@link Failure} — poison is dead-lettered at once (the
 * input is nacked with its reason, the channel's dead-letter queue takes it and the stream goes on), an outage is
 * retried with back-off until it is over, a bug is retried {@link RetryPolicy#bugAttempts()} times in all and then
 * dead-lettered like poison. The step itself decides what to emit and acknowledges inputs it emits nothing for.
 */
public final class KafkaHop {

    private static final Logger LOG = Logger.getLogger(KafkaHop.class);

    private final String topic;
    private final RetryPolicy retry;
    private final Executor executor;
    private final Runnable onDeadLetter;

    /** A hop reading {@code topic}; {@code onDeadLetter} counts what it sets aside. */
    public KafkaHop(String topic, RetryPolicy retry, Executor executor, Runnable onDeadLetter) {
        this.topic = topic;
        this.retry = retry;
        this.executor = executor;
        this.onDeadLetter = onDeadLetter;
    }

    /** The outputs of {@code step} for every input, in input order; an input without output yields nothing. */
    public Multi<Message<String>> run(Multi<Message<byte[]>> inputs, Function<Message<byte[]>, Optional<Message<String>>> step) {
        return inputs.onItem().transformToUniAndConcatenate(input -> handle(input, step))
                .select().where(Optional::isPresent)
                .map(Optional::get);
    }

    private Uni<Optional<Message<String>>> handle(Message<byte[]> input, Function<Message<byte[]>, Optional<Message<String>>> step) {
        AtomicInteger bugs = new AtomicInteger();
        return Uni.createFrom().item(() -> step.apply(input))
                .runSubscriptionOn(executor)
                .onFailure(failure -> worthAnotherTry(failure, bugs))
                .retry().withBackOff(retry.firstWait(), retry.longestWait()).indefinitely()
                .onFailure().recoverWithUni(failure -> {
                    PoisonEvent reason = failure instanceof PoisonEvent poison ? poison
                            : Failure.of(failure) == Failure.POISON
                                    ? new PoisonEvent("the event breaks a storage rule (" + Failure.rootMessage(failure) + ")", failure)
                                    : new PoisonEvent("processing failed " + retry.bugAttempts() + " times: " + failure, failure);
                    LOG.warnf("Dead-lettering an event of %s: %s", topic, reason.getMessage());
                    onDeadLetter.run();
                    return Uni.createFrom().completionStage(input.nack(reason)).replaceWith(Optional.<Message<String>> empty());
                });
    }

    private boolean worthAnotherTry(Throwable failure, AtomicInteger bugs) {
        Failure kind = Failure.of(failure);
        boolean again = kind == Failure.OUTAGE || (kind == Failure.BUG && bugs.incrementAndGet() < retry.bugAttempts());
        if (again) {
            LOG.warnf("An event of %s failed (%s) and is tried again: %s", topic, kind, failure.toString());
        }
        return again;
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
