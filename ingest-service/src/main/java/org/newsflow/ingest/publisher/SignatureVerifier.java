package org.newsflow.ingest.publisher;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsflow.ingest.config.IngestConfig;
import org.newsflow.ingest.problem.ProblemException;

/**
 * Checks a Standard Webhooks signature: {@code webhook-signature} holds one or more space-separated
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">}; the timestamp (Unix seconds) must lie within the
 * configured tolerance of now, in either direction.
 */
@ApplicationScoped
public class SignatureVerifier {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private final IngestConfig config;

    SignatureVerifier(IngestConfig config) {
        this.config = config;
    }

    /** The three headers of a signed request, as received (any may be null). */
    public record SignedHeaders(String id, String timestamp, String signature) {
    }

    public void verify(String secret, SignedHeaders headers, byte[] body) {
        verify(secret, headers, body, Instant.now());
    }

    /**
     * Checks the signature, with the timestamp judged against {@code received}: now for HTTP, the instant Kafka took
     * the record for the Kafka intake (a record that waited in the topic is not stale for having waited).
     */
    public void verify(String secret, SignedHeaders headers, byte[] body, Instant received) {
        if (blank(headers.id())) {
            throw ProblemException.badSignature(ID, "required", "this publisher signs its pushes: webhook-id is missing");
        }
        if (headers.id().length() > WebhookMessage.MAX_ID_LENGTH) {
            throw ProblemException.badSignature(ID, "max-length",
                    "webhook-id has at most " + WebhookMessage.MAX_ID_LENGTH + " characters");
        }
        if (blank(headers.timestamp())) {
            throw ProblemException.badSignature(TIMESTAMP, "required", "webhook-timestamp is missing");
        }
        if (blank(headers.signature())) {
            throw ProblemException.badSignature(SIGNATURE, "required", "webhook-signature is missing");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(headers.timestamp().trim());
        } catch (NumberFormatException e) {
            throw ProblemException.badSignature(TIMESTAMP, "unix-seconds", "webhook-timestamp must be Unix seconds");
        }
        long now = received.getEpochSecond();
        long tolerance = config.signatureTolerance().toSeconds();
        if (timestamp < now - tolerance) {
            throw ProblemException.badSignature(TIMESTAMP, "stale-timestamp",
                    "webhook-timestamp is more than " + tolerance + " s in the past");
        }
        if (timestamp > now + tolerance) {
            throw ProblemException.badSignature(TIMESTAMP, "future-timestamp",
                    "webhook-timestamp is more than " + tolerance + " s in the future");
        }
        byte[] expected = sign(secret, headers.id().trim(), headers.timestamp().trim(), body);
        for (String candidate : headers.signature().trim().split(" +")) {
            if (candidate.startsWith("v1,") && MessageDigest.isEqual(expected, decode(candidate.substring(3)))) {
                return;
            }
        }
        throw ProblemException.badSignature(SIGNATURE, "hmac-sha256",
                "no v1 signature in webhook-signature matches the body signed with this publisher's secret");
    }

    static byte[] sign(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretBytes(secret), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] secretBytes(String secret) {
        String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
