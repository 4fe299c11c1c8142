package org.newsflow.publish.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.Vertx;

/** The sender on its own, against a real HTTP receiver on loopback. */
class WebhookSenderTest {

    private Vertx vertx;
    private HttpServer receiver;
    private final CompletableFuture<String> seen = new CompletableFuture<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        receiver.createContext("/in", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            seen.complete(exchange.getRequestHeaders().getFirst("Host") + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("webhook-id") + " " + body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        vertx.close();
    }

    @Test
    void itConnectsToTheCheckedAddressWithoutAskingDnsAgainAndNamesTheUrlsHost() throws Exception {
        // Given a target whose host name resolves nowhere (.invalid never does), pinned to the receiver's address
        int port = receiver.getAddress().getPort();
        UrlGuard.Target target = new UrlGuard.Target(URI.create("http://hooks.newsroom.invalid:" + port + "/in?from=newsflow"),
                InetAddress.getByName("127.0.0.1"));

        // When a webhook is sent to it
        WebhookSender.Answer answer = new WebhookSender(vertx, Duration.ofSeconds(5))
                .post(target, Map.of("webhook-id", "msg_1", "Content-Type", "application/json"), "{\"n\":1}")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        // Then it reached the pinned address, with the URL's host in the Host header, path and query intact
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.error()).isNull();
        assertThat(seen.get(1, TimeUnit.SECONDS)).isEqualTo("hooks.newsroom.invalid:" + port + " /in?from=newsflow msg_1 {\"n\":1}");
    }

    @Test
    void noListenerIsAnAnswerWithAReasonNotAnException() throws Exception {
        int port = receiver.getAddress().getPort();
        receiver.stop(0);
        WebhookSender.Answer answer = new WebhookSender(vertx, Duration.ofSeconds(2))
                .post(new UrlGuard.Target(URI.create("http://127.0.0.1:" + port + "/in"), InetAddress.getByName("127.0.0.1")),
                        Map.of(), "{}")
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(answer.status()).isNull();
        assertThat(answer.error()).startsWith("no answer");
    }
}
