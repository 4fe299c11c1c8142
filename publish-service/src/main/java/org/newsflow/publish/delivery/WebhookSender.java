package org.newsflow.publish.delivery;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.publish.config.PublishConfig;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;

/**
 * POSTs one webhook without holding a thread while the receiver takes its time: connects to the address the
 * {@link UrlGuard} checked (the URL's host still names the Host header and the TLS server name), follows no
 * redirect, reads and drops the answer's body, and gives up when the whole answer has not arrived within the
 * timeout — a receiver that answers at once and then trickles its body is cut off like one that never answers.
 */
@ApplicationScoped
public class WebhookSender {

    /** What came back: a status (and its Retry-After), or why there is none. */
    public record Answer(Integer status, String retryAfter, String error) {
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Duration timeout;

    @jakarta.inject.Inject
    WebhookSender(Vertx vertx, PublishConfig config) {
        this(vertx, config.webhooks().timeout());
    }

    public WebhookSender(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeout = timeout;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setVerifyHost(true)
                .setKeepAlive(true)
                .setTryUseCompression(false));
    }

    /** Sends {@code body} with {@code headers} to the target; the answer completes normally in every case. */
    public CompletionStage<Answer> post(UrlGuard.Target target, Map<String, String> headers, String body) {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        // the whole exchange on one event-loop context: every handler is in place before the connection can deliver
        // the answer (set up from another thread, a quick answer can end before its handlers exist)
        vertx.getOrCreateContext().runOnContext(start -> exchange(target, headers, body, answer));
        return answer;
    }

    private void exchange(UrlGuard.Target target, Map<String, String> headers, String body, CompletableFuture<Answer> answer) {
        AtomicReference<HttpClientRequest> exchange = new AtomicReference<>();
        long deadline = vertx.setTimer(timeout.toMillis(), id -> {
            if (answer.complete(new Answer(null, null, "no complete answer within " + timeout.toMillis() / 1000.0 + " s"))) {
                HttpClientRequest request = exchange.get();
                if (request != null) {
                    request.reset(); // closes the connection: the receiver's trickle ends here
                }
            }
        });
        java.util.function.Consumer<Answer> finish = result -> {
            vertx.cancelTimer(deadline);
            answer.complete(result);
        };
        client.request(options(target, headers)).onComplete(created -> {
            if (created.failed()) {
                finish.accept(new Answer(null, null, "no answer: " + created.cause()));
                return;
            }
            HttpClientRequest request = created.result();
            exchange.set(request);
            request.response().onComplete(answered -> {
                if (answered.failed()) {
                    finish.accept(new Answer(null, null, "no answer: " + answered.cause()));
                    return;
                }
                HttpClientResponse response = answered.result();
                Answer status = new Answer(response.statusCode(), response.getHeader("Retry-After"), null);
                response.handler(ignored -> {
                }); // the body is read and dropped, never kept
                response.exceptionHandler(failure -> finish.accept(new Answer(null, null, "no complete answer: " + failure)));
                response.endHandler(ended -> finish.accept(status));
            });
            request.end(Buffer.buffer(body)).onFailure(failure -> finish.accept(new Answer(null, null, "no answer: " + failure)));
        });
    }

    private static RequestOptions options(UrlGuard.Target target, Map<String, String> headers) {
        URI uri = target.uri();
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setHost(uri.getHost()).setPort(port).setSsl(tls).setURI(path).setFollowRedirects(false)
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(target.address(), port)));
        headers.forEach(options::addHeader);
        return options;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
