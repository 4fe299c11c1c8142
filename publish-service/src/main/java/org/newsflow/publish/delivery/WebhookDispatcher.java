package org.newsflow.publish.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
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
 * 2xx): for every subscription its oldest pending message, so that each subscription receives
 * in order, several subscriptions at once. 2xx is delivered; 410 disables the subscription; any other 4xx but 408
 * and 429 is refused for good (failed, re-sendable); 408, 429, 5xx, a timeout or no connection is retried after
 * the back-off schedule with jitter (a 429's Retry-After is honoured). Redirects are not followed. Every attempt
 * is logged in {@code webhook_attempt}.
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int PARALLEL = 8;

    private final PublishConfig.Webhooks config;
    private final UrlGuard guard;
    private final KafkaRouting kafka;
    private final ObjectMapper json;
    private final HttpClient http;
    private final WebhookSecrets secrets;
    private final Object signal = new Object();
    private volatile boolean running;
    private boolean woken;
    private Thread loop;
    private ExecutorService senders;

    private final org.newsflow.publish.metrics.PublishMetrics metrics;

    WebhookDispatcher(PublishConfig config, UrlGuard guard, ObjectMapper json, KafkaRouting kafka,
            org.newsflow.publish.metrics.PublishMetrics metrics, WebhookSecrets secrets) {
        this.metrics = metrics;
        this.secrets = secrets;
        this.kafka = kafka;
        this.config = config.webhooks();
        this.guard = guard;
        this.json = json;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(this.config.timeout()).build();
    }

    void start(@Observes StartupEvent start) {
        running = true;
        senders = Executors.newFixedThreadPool(PARALLEL, r -> {
            Thread thread = new Thread(r, "webhook-sender");
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
        senders.shutdownNow();
    }

    /** Looks for due messages now (called after a publication committed new ones). */
    public void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void run() {
        while (running) {
            try {
                List<Long> due = QuarkusTransaction.requiringNew().call(this::dueHeads);
                List<Future<?>> sending = new ArrayList<>();
                for (Long id : due) {
                    sending.add(senders.submit(() -> {
                        // a subscription's messages go one after another; while they are delivered, keep going
                        Long next = id;
                        for (int sent = 0; next != null && sent < 200 && running; sent++) {
                            attempt(next);
                            long done = next;
                            next = QuarkusTransaction.requiringNew().call(() -> nextOf(done));
                        }
                    }));
                }
                for (Future<?> sent : sending) {
                    sent.get();
                }
                if (due.isEmpty()) {
                    synchronized (signal) {
                        if (!woken) {
                            signal.wait(config.pollInterval().toMillis());
                        }
                        woken = false;
                    }
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

    /** Per subscription, its oldest pending message, if it is due. */
    private List<Long> dueHeads() {
        List<Long> heads = WebhookDelivery.getEntityManager().createQuery("select min(d.id) from WebhookDelivery d "
                + "where d.status = :pending group by d.subscriptionId", Long.class)
                .setParameter("pending", WebhookDelivery.PENDING).getResultList();
        if (heads.isEmpty()) {
            return List.of();
        }
        return WebhookDelivery.<WebhookDelivery> find("id in ?1 and nextAttemptAt <= ?2 order by id", heads, Instant.now())
                .page(0, PARALLEL * 4).stream().map(d -> d.id).toList();
    }

    /** The subscription's next pending message after a delivery, if it is due: keeps a busy subscription flowing. */
    private Long nextOf(long deliveredId) {
        WebhookDelivery delivered = WebhookDelivery.findById(deliveredId);
        if (!WebhookDelivery.DELIVERED.equals(delivered.status)) {
            return null;
        }
        WebhookDelivery next = WebhookDelivery.<WebhookDelivery> find("subscriptionId = ?1 and status = ?2 order by id",
                delivered.subscriptionId, WebhookDelivery.PENDING).firstResult();
        return next == null || next.nextAttemptAt.isAfter(Instant.now()) ? null : next.id;
    }

    private record Message(String url, java.util.List<String> secrets, String messageId, String body, String topic, String key,
            String type, String subject) {
    }

    private void attempt(long deliveryId) {
        Message message = QuarkusTransaction.requiringNew().call(() -> prepare(deliveryId));
        if (message == null) {
            return;
        }
        Instant started = Instant.now();
        Integer status = null;
        String error = null;
        String retryAfter = null;
        if (message.topic() != null) {
            try {
                kafka.send(message.topic(), message.key(), message.messageId(), message.type(), message.subject(),
                        message.body(), config.timeout());
                status = 200; // acknowledged by the broker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                error = "Kafka did not acknowledge: " + e;
            }
            long millis = Duration.between(started, Instant.now()).toMillis();
            Integer answered = status;
            String failure = error;
            QuarkusTransaction.requiringNew().run(() -> record(deliveryId, answered, failure, null, started, millis));
            return;
        }
        try {
            URI target = guard.check("webhook.url", message.url());
            long timestamp = started.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(target).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("webhook-id", message.messageId())
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSigner.sign(message.secrets(), message.messageId(), timestamp, message.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.body())).build();
            // one deadline for the whole answer: the request timeout stops at the headers, and a receiver that
            // trickles its body afterwards would hold this sender as long as it likes
            java.util.concurrent.CompletableFuture<HttpResponse<Void>> answer =
                    http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
            try {
                HttpResponse<Void> response = answer.get(config.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                status = response.statusCode();
                retryAfter = response.headers().firstValue("Retry-After").orElse(null);
            } catch (java.util.concurrent.TimeoutException e) {
                answer.cancel(true); // aborts the exchange and closes its connection
                error = "no complete answer within " + config.timeout().toSeconds() + " s";
            } catch (java.util.concurrent.ExecutionException e) {
                error = e.getCause() instanceof HttpTimeoutException
                        ? "no complete answer within " + config.timeout().toSeconds() + " s"
                        : "no answer: " + e.getCause();
            }
        } catch (ProblemException e) {
            error = "refused: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long millis = Duration.between(started, Instant.now()).toMillis();
        Integer answered = status;
        String failure = error;
        String wait = retryAfter;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, answered, failure, wait, started, millis));
    }

    /** The message to send, or null when there is nothing to send (subscription gone or disabled). */
    private Message prepare(long deliveryId) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        Subscription subscription = Subscription.findById(delivery.subscriptionId);
        if (subscription == null || subscription.deletedAt != null || !"active".equals(subscription.status)
                || (subscription.webhookUrl == null && subscription.kafkaTopic == null)) {
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
                    "org.newsflow." + body.get("type").asText() + ".v1", delivery.articleId);
        } catch (IOException e) {
            throw new IllegalStateException("a stored version is JSON", e);
        }
    }

    private void record(long deliveryId, Integer status, String error, String retryAfter, Instant started, long millis) {
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
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
