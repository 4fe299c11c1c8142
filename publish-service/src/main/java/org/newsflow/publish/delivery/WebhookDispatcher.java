package org.newsflow.publish.delivery;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.newsflow.platform.claim.Leases;
import org.newsflow.publish.article.ArticleVersion;
import org.newsflow.publish.config.PublishConfig;
import org.newsflow.publish.problem.ProblemException;
import org.newsflow.publish.subscription.Subscription;
import org.newsflow.publish.subscription.WebhookSecrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends pushed messages — webhooks, and the records of Kafka-channel subscriptions (an acknowledgement counts as
 * 2xx): for every subscription its oldest pending message, so that each subscription receives in order, many
 * subscriptions at once. No thread waits for a receiver: sends are asynchronous and only the short bookkeeping
 * transactions run on a small pool, so a slow or silent receiver holds up its own subscription and nobody else's;
 * a subscription whose message is in flight is skipped by the next rounds, at most
 * {@code newsflow.publish.webhooks.max-in-flight} are in flight at once. 2xx is delivered; 410 disables the
 * subscription; any other 4xx but 408 and 429 is refused for good (failed, re-sendable); 408, 429, 5xx, a timeout
 * or no connection is retried after the back-off schedule with jitter (a 429's Retry-After is honoured). Redirects
 * are not followed. Every attempt is logged in {@code webhook_attempt}.
 *
 * <p>Several publish instances share the sending: a message is claimed in the database for
 * {@code newsflow.publish.webhooks.lease} before it is sent ({@link Leases}), a subscription whose head message is
 * claimed is skipped by every other instance (so its order holds across instances), and the outcome is recorded only
 * by the claim's holder. A killed instance's message is sent again, with the same {@code webhook-id}, once its lease
 * has run out.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    /** A subscription's messages in a row before it lets the others' rounds come first. */
    private static final int IN_A_ROW = 200;

    private final PublishConfig.Webhooks config;
    private final UrlGuard guard;
    private final KafkaRouting kafka;
    private final WebhookSender sender;
    private final ObjectMapper json;
    private final WebhookSecrets secrets;
    private final org.newsflow.publish.metrics.PublishMetrics metrics;
    private final Leases leases;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread loop;
    /** Short transactions only (what to send, what came back): waiting for receivers never happens here. */
    private ExecutorService bookkeeping;

    WebhookDispatcher(PublishConfig config, UrlGuard guard, ObjectMapper json, KafkaRouting kafka, WebhookSender sender,
            org.newsflow.publish.metrics.PublishMetrics metrics, WebhookSecrets secrets) {
        this.metrics = metrics;
        this.secrets = secrets;
        this.kafka = kafka;
        this.sender = sender;
        this.config = config.webhooks();
        this.guard = guard;
        this.json = json;
        if (this.config.lease().compareTo(this.config.timeout().multipliedBy(2)) < 0) {
            throw new IllegalStateException("newsflow.publish.webhooks.lease (" + this.config.lease() + ") must be at least "
                    + "twice newsflow.publish.webhooks.timeout (" + this.config.timeout() + "): a shorter lease lets another "
                    + "instance send a message again while its answer may still be coming");
        }
        this.leases = new Leases("webhook_delivery", "id", "status = '" + WebhookDelivery.PENDING + "'", this.config.lease(),
                java.time.Clock.systemUTC());
    }

    void start(@Observes StartupEvent start) {
        running = true;
        bookkeeping = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "webhook-bookkeeping");
            thread.setDaemon(true);
            return thread;
        });
        loop = new Thread(this::run, "webhook-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        wake();
        bookkeeping.shutdownNow();
    }

    /** Looks for due messages now (called after a publication committed new ones, and when a subscription is free). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                int room = config.maxInFlight() - inFlight.size();
                List<Head> due = room > 0 ? QuarkusTransaction.requiringNew().call(() -> dueHeads(room)) : List.of();
                for (Head head : due) {
                    if (inFlight.add(head.subscriptionId())) {
                        deliverFrom(head.subscriptionId(), head.deliveryId(), 0);
                    }
                }
                synchronized (signal) {
                    if (!woken) {
                        signal.wait(config.pollInterval().toMillis());
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (running) {
                    LOG.warnf("webhook dispatch round failed, retrying: %s", e.toString());
                    sleep(config.pollInterval());
                }
            }
        }
    }

    /** Sends the subscription's message, then its next one while they are delivered and due; frees it at the end. */
    private void deliverFrom(String subscriptionId, long deliveryId, int sent) {
        CompletableFuture.supplyAsync(() -> QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId)), bookkeeping)
                .thenCompose(message -> message == null ? CompletableFuture.completedFuture(null) : send(deliveryId, message))
                .whenComplete((next, failure) -> {
                    if (failure != null) {
                        LOG.warnf("webhook delivery %d: bookkeeping failed, trying again in a later round: %s", deliveryId,
                                failure.toString());
                    }
                    if (failure == null && next != null && sent + 1 < IN_A_ROW && running) {
                        deliverFrom(subscriptionId, next, sent + 1);
                    } else {
                        inFlight.remove(subscriptionId);
                        wake();
                    }
                });
    }

    /** Where the subscription's queue begins: its oldest pending message. */
    private record Head(String subscriptionId, long deliveryId) {
    }

    /**
     * Per subscription not in flight, its oldest pending message, if it is due and no instance holds it; at most
     * {@code limit}.
     */
    private List<Head> dueHeads(int limit) {
        // a subscription's head is its pending message first in its feed (feed positions are in commit order
        // across instances; ids are not: each instance takes them from its own block)
        Instant now = Instant.now();
        return WebhookDelivery.<WebhookDelivery> find("from WebhookDelivery d where d.status = ?1 and d.nextAttemptAt <= ?2 "
                + "and (d.claimedUntil is null or d.claimedUntil < ?2) and d.feedSeq = (select min(e.feedSeq) "
                + "from WebhookDelivery e where e.subscriptionId = d.subscriptionId and e.status = ?1) order by d.createdAt",
                WebhookDelivery.PENDING, now)
                // the ones in flight may be among the first: read no more rows than could be needed
                .page(0, limit + inFlight.size()).stream().filter(d -> !inFlight.contains(d.subscriptionId)).limit(limit)
                .map(d -> new Head(d.subscriptionId, d.id)).toList();
    }

    /** The subscription's next pending message after a delivery, if it is due: keeps a busy subscription flowing. */
    private Long nextOf(long deliveredId) {
        WebhookDelivery delivered = WebhookDelivery.findById(deliveredId);
        if (!WebhookDelivery.DELIVERED.equals(delivered.status)) {
            return null;
        }
        WebhookDelivery next = WebhookDelivery.<WebhookDelivery> find("subscriptionId = ?1 and status = ?2 order by feedSeq",
                delivered.subscriptionId, WebhookDelivery.PENDING).firstResult();
        return next == null || next.nextAttemptAt.isAfter(Instant.now()) ? null : next.id;
    }

    /** What to send, and the claim that lets this instance send it ({@link Leases}). */
    private record Message(String url, java.util.List<String> secrets, String messageId, String body, String topic, String key,
            String type, String subject, String claim) {
    }

    /** One attempt, recorded; completes with the subscription's next due message, if it was delivered. */
    private CompletableFuture<Long> send(long deliveryId, Message message) {
        Instant started = Instant.now();
        CompletableFuture<WebhookSender.Answer> answer;
        if (message.topic() != null) {
            answer = kafka.send(message.topic(), message.key(), message.messageId(), message.type(), message.subject(),
                    message.body(), config.timeout())
                    .handle((acknowledged, failure) -> failure == null
                            ? new WebhookSender.Answer(200, null, null) // acknowledged by the broker
                            : new WebhookSender.Answer(null, null, "Kafka did not acknowledge: " + rootOf(failure)));
        } else {
            answer = post(message, started);
        }
        return answer.thenApplyAsync(outcome -> {
            long millis = Duration.between(started, Instant.now()).toMillis();
            QuarkusTransaction.requiringNew().run(() -> record(deliveryId, message.claim(), outcome.status(), outcome.error(),
                    outcome.retryAfter(), started, millis));
            return QuarkusTransaction.requiringNew().call(() -> nextOf(deliveryId));
        }, bookkeeping);
    }

    private CompletableFuture<WebhookSender.Answer> post(Message message, Instant started) {
        UrlGuard.Target target;
        try {
            target = guard.pin("webhook.url", message.url());
        } catch (ProblemException e) {
            boolean mayPass = e.errors().stream().anyMatch(v -> UrlGuard.RESOLVABLE_HOST.equals(v.rule()));
            return CompletableFuture.completedFuture(new WebhookSender.Answer(null, null,
                    (mayPass ? "" : "refused: ") + e.getMessage()));
        }
        long timestamp = started.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("webhook-id", message.messageId());
        headers.put("webhook-timestamp", Long.toString(timestamp));
        headers.put("webhook-signature", WebhookSigner.sign(message.secrets(), message.messageId(), timestamp, message.body()));
        return sender.post(target, headers, message.body()).toCompletableFuture();
    }

    private static Throwable rootOf(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
    }

    /**
     * The message to send, claimed for this instance; null when there is nothing to send (sent already, held by
     * another instance, subscription gone or disabled).
     */
    private Message prepare(long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (!WebhookDelivery.PENDING.equals(delivery.status)) {
            // a round read it as pending just before the chain that sent it committed the outcome and let go
            return null;
        }
        String claim = jdbc(connection -> leases.claim(connection, deliveryId)).orElse(null);
        if (claim == null) {
            return null; // another instance is sending it
        }
        Subscription subscription = Subscription.findById(delivery.subscriptionId);
        if (subscription == null || subscription.deletedAt != null || !"active".equals(subscription.status)
                || (subscription.webhookUrl == null && subscription.kafkaTopic == null)) {
            jdbc(connection -> leases.release(connection, deliveryId, claim));
            delivery.status = WebhookDelivery.FAILED;
            delivery.lastError = "the subscription is deleted, disabled or has no webhook";
            return null;
        }
        ArticleVersion version = ArticleVersion.byEventId(delivery.eventId).orElseThrow();
        try {
            JsonNode published = json.readTree(version.payload);
            ObjectNode body = json.createObjectNode();
            body.put("type", "article." + switch (delivery.kind) {
                case "kill" -> "killed";
                case "update" -> "updated";
                default -> "published";
            });
            body.put("timestamp", version.publishedAt.toString());
            ObjectNode data = body.putObject("data");
            data.put("subscriptionId", subscription.id).put("kind", delivery.kind).put("articleId", delivery.articleId)
                    .put("version", version.version);
            data.set("article", published.get("article"));
            data.set("enrichment", published.get("enrichment"));
            return new Message(subscription.webhookUrl, secrets.signingSecretsOf(subscription), delivery.messageId,
                    json.writeValueAsString(body), subscription.kafkaTopic, version.uri,
                    "org.newsflow." + body.get("type").asText() + ".v1", delivery.articleId, claim);
        } catch (IOException e) {
            throw new IllegalStateException("a stored version is JSON", e);
        }
    }

    private void record(long deliveryId, String claim, Integer status, String error, String retryAfter, Instant started,
            long millis) {
        boolean held = jdbc(connection -> leases.release(connection, deliveryId, claim));
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (!held) {
            // the lease ran out and another instance took the message over: its outcome is the one that counts
            LOG.warnf("webhook delivery %d was taken over by another instance while this one sent it (lease %s); "
                    + "this attempt's outcome (%s) is not recorded", deliveryId, leases.lease(), status == null ? error : status);
            return;
        }
        delivery.attempts++;
        WebhookAttempt attempt = new WebhookAttempt();
        attempt.deliveryId = deliveryId;
        attempt.attempt = delivery.attempts;
        attempt.attemptedAt = started;
        attempt.statusCode = status;
        attempt.error = error == null ? null : error.substring(0, Math.min(500, error.length()));
        attempt.durationMs = millis;
        attempt.persist();
        delivery.lastStatus = status;
        delivery.lastError = attempt.error;
        if (status != null && status >= 200 && status < 300) {
            delivery.status = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = Instant.now();
        } else if (status != null && status == 410) {
            delivery.status = WebhookDelivery.FAILED;
            Subscription subscription = Subscription.findById(delivery.subscriptionId);
            subscription.status = "disabled";
            subscription.statusReason = "the receiver answered 410 Gone at " + started;
            LOG.infof("webhook subscription %s disabled: its receiver answered 410 Gone", delivery.subscriptionId);
        } else if ((status != null && status >= 400 && status < 500 && status != 408 && status != 429)
                || (error != null && error.startsWith("refused"))) {
            delivery.status = WebhookDelivery.FAILED; // the receiver (or the guard) will not take it however often
        } else if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = WebhookDelivery.FAILED;
        } else {
            delivery.nextAttemptAt = Instant.now().plus(backoff(delivery.attempts, retryAfter));
        }
        metrics.webhookAttempt(WebhookDelivery.PENDING.equals(delivery.status) ? "retry" : delivery.status.toLowerCase());
    }

    private static <T> T jdbc(org.hibernate.jdbc.ReturningWork<T> work) {
        return WebhookDelivery.getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(work);
    }

    private Duration backoff(int attempts, String retryAfter) {
        if (retryAfter != null && retryAfter.matches("\\d{1,6}")) {
            return Duration.ofSeconds(Long.parseLong(retryAfter));
        }
        List<Duration> schedule = config.backoff();
        Duration base = schedule.get(Math.min(attempts - 1, schedule.size() - 1));
        double jitter = 1 + ThreadLocalRandom.current().nextDouble(-0.2, 0.2);
        return Duration.ofMillis(Math.max(1, (long) (base.toMillis() * jitter)));
    }

    private static void sleep(Duration duration) {
        try {
            TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
