package org.newsflow.platform.hop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/**
 * Notes, in a service's processed-event log, that Kafka acknowledged the events emitted for some inputs — many
 * inputs per transaction: one writer thread takes whatever piled up while it wrote the last batch (a group
 * commit), so under load one statement covers many events and when idle each is noted at once. An input is
 * acknowledged only after its note is written (or failed: then a redelivery re-sends the same event, same id, at
 * worst).
 */
public final class AcknowledgementNotes implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AcknowledgementNotes.class);
    private static final int MOST_PER_BATCH = 500;

    private record Pending(String sourceEventId, CompletableFuture<Void> written) {
    }

    private final BlockingQueue<Pending> pending = new LinkedBlockingQueue<>();
    private final Consumer<List<String>> writer;
    private final String name;
    private volatile Thread thread;

    /** {@code writer} notes, in one transaction, that the events made from these inputs are on Kafka. */
    public AcknowledgementNotes(String name, Consumer<List<String>> writer) {
        this.name = name;
        this.writer = writer;
    }

    /** Completes once the note for {@code sourceEventId} is written (or could not be). */
    public CompletionStage<Void> note(String sourceEventId) {
        startOnce();
        CompletableFuture<Void> written = new CompletableFuture<>();
        pending.add(new Pending(sourceEventId, written));
        return written;
    }

    private void startOnce() {
        if (thread == null) {
            synchronized (this) {
                if (thread == null) {
                    Thread started = new Thread(this::writeForever, name);
                    started.setDaemon(true);
                    started.start();
                    thread = started;
                }
            }
        }
    }

    private void writeForever() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(pending.take());
            } catch (InterruptedException e) {
                return;
            }
            pending.drainTo(batch, MOST_PER_BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Pending> batch) {
        try {
            writer.accept(batch.stream().map(Pending::sourceEventId).toList());
        } catch (RuntimeException e) { // at worst, a redelivery sends the same events (same ids) once more
            LOG.warnf("Could not note that %d events are on Kafka: %s", batch.size(), e.toString());
        }
        batch.forEach(p -> p.written().complete(null));
    }

    /** On shutdown: what Kafka has acknowledged so far is still noted, so a restart does not send it again. */
    @Override
    public void close() {
        Thread running = thread;
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Pending> rest = new ArrayList<>();
        pending.drainTo(rest);
        if (!rest.isEmpty()) {
            write(rest);
        }
    }
}
