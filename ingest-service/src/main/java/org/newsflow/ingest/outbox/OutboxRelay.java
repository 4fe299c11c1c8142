package org.newsflow.ingest.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.newsflow.ingest.metrics.IngestMetrics;
import org.newsflow.ingest.submission.Submission;
import org.newsflow.platform.claim.KeyLanes;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Publishes the outbox to Kafka on one background thread: reads the oldest pending events, sends them, and
 * deletes them once Kafka has acknowledged them. While Kafka is unreachable it keeps retrying with a capped
 * backoff; pushes keep being accepted and wait in the outbox. A push wakes the relay at once; otherwise it
 * looks every {@code newsflow.outbox.poll-interval}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxSender sender;
    private final OutboxConfig config;
    private final IngestMetrics metrics;
    private final KeyLanes lanes;
    private final Semaphore work = new Semaphore(0);
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private volatile boolean running;
    private Thread thread;

    OutboxRelay(OutboxSender sender, OutboxConfig config, IngestMetrics metrics) {
        this.sender = sender;
        this.metrics = metrics;
        this.config = config;
        this.lanes = new KeyLanes(OutboxEvent.RELAY_LANES, config.lanes());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        work.release();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Tells the relay that new events were committed. */
    public void wakeUp() {
        if (work.availablePermits() == 0) {
            work.release();
        }
    }

    /** The reason of the last failed round while the relay cannot reach Kafka; null when it is healthy. */
    public String lastFailure() {
        return lastFailure.get();
    }

    private void run() {
        long backoffMillis = 100;
        while (running) {
            try {
                int sent = relayOnce();
                if (lastFailure.getAndSet(null) != null) {
                    LOG.info("Outbox relay works again; pending events are being published");
                }
                backoffMillis = 100;
                if (sent < config.batchSize()) {
                    work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    work.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return; // shutting down: the datasource or the producer may already be closed
                }
                String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
                if (lastFailure.getAndSet(reason) == null) {
                    LOG.warnf("Outbox relay cannot publish pending events (%s); they stay in the outbox and are retried",
                            reason);
                }
                sleep(backoffMillis);
                backoffMillis = Math.min(backoffMillis * 2, config.maxRetryBackoff().toMillis());
            }
        }
    }

    /**
     * Sends one batch of pending events; returns how many left the outbox. The round is one transaction that holds
     * its share of the outbox's lanes ({@link KeyLanes}, by article key): several ingest instances on one database
     * relay different lanes at once, each article's events by one instance at a time and in outbox order, and when
     * an instance dies mid-round its lanes and its unfinished batch pass to another (which sends the batch again:
     * same event ids, which every consumer recognises). Acknowledged events are
     * removed; an event Kafka refuses for good is set aside on its submission (status UNDELIVERABLE, with the
     * reason); when any other failure remains, the round fails after recording the rest, so that only the failed
     * events are retried.
     */
    int relayOnce() throws Exception {
        Round round = QuarkusTransaction.requiringNew().timeout(turnSeconds()).call(this::relayInTurn);
        round.undeliverable().forEach((submission, reason) -> LOG.errorf(
                "Submission %s is undeliverable and was set aside: %s", submission, reason));
        metrics.relayed(round.done() - round.undeliverable().size());
        if (round.retry() != null) {
            throw round.retry();
        }
        return round.done();
    }

    private record Round(int done, Map<String, String> undeliverable, Exception retry) {
    }

    private Round relayInTurn() throws InterruptedException {
        KeyLanes.Held held = OutboxEvent.takeLanes(lanes, config.pollInterval());
        if (held.none()) {
            return new Round(0, Map.of(), null); // other instances hold every lane
        }
        List<OutboxEvent> batch = OutboxEvent.oldest(config.batchSize(), held);
        if (batch.isEmpty()) {
            return new Round(0, Map.of(), null);
        }
        List<Exception> failures = sender.sendAll(batch, config.sendTimeout());
        List<Long> done = new ArrayList<>();
        List<String> submitted = new ArrayList<>();
        Map<String, String> undeliverable = new LinkedHashMap<>();
        Exception retry = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            Exception failure = failures.get(i);
            if (failure == null) {
                done.add(event.id);
                submitted.add(event.submissionId);
            } else if (UndeliverableEvent.is(failure)) {
                done.add(event.id);
                undeliverable.put(event.submissionId, "Kafka refused the event: " + failure.getMessage());
            } else if (retry == null) {
                retry = failure;
            }
        }
        if (!done.isEmpty()) {
            OutboxEvent.deleteRelayed(done);
            Submission.markSubmitted(submitted, Instant.now());
            undeliverable.forEach(Submission::markUndeliverable);
        }
        return new Round(done.size(), undeliverable, retry);
    }

    /** A round's transaction outlives its longest waits, for a lane and for Kafka. */
    private int turnSeconds() {
        return (int) (config.pollInterval().toSeconds() + config.sendTimeout().toSeconds()) + 30;
    }

    private void sleep(long millis) {
        try {
            work.tryAcquire(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
