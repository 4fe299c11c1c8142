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
        AtomicReference<HttpClientRequest> exchange = new AtomicReference<>();
        long deadline = vertx.setTimer(timeout.toMillis(), id -> {
            if (answer.complete(new Answer(null, null, "no complete answer within " + timeout.toMillis() / 1000.0 + " s"))) {
                HttpClientRequest request = exchange.get();
                if (request != null) {
                    request.reset(); // closes the connection: the receiver's trickle ends here
                }
            }
        });
        client.request(options(target, headers))
                .compose(request -> {
                    exchange.set(request);
                    return request.send(Buffer.buffer(body));
                })
                .compose(response -> {
                    response.handler(ignored -> {
                    });
                    return response.end().map(done -> new Answer(response.statusCode(), response.getHeader("Retry-After"), null));
                })
                .onComplete(result -> {
                    vertx.cancelTimer(deadline);
                    answer.complete(result.succeeded() ? result.result()
                            : new Answer(null, null, "no answer: " + result.cause()));
                });
        return answer;
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
