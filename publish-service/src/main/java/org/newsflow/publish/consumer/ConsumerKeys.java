package org.newsflow.publish.consumer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Consumer API keys look like {@code nfc_<lookup>_<secret>}: the lookup (12 hex characters) finds the stored
 * row, the 256-bit secret proves possession. Only the SHA-256 of the whole key is stored.
 */
final class ConsumerKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("nfc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");

    record NewKey(String key, String lookup, String hash) {
    }

    static NewKey generate() {
        byte[] lookup = new byte[6];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(lookup);
        RANDOM.nextBytes(secret);
        String lookupHex = HexFormat.of().formatHex(lookup);
        String key = "nfc_" + lookupHex + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        return new NewKey(key, lookupHex, hash(key));
    }

    static Optional<String> lookupOf(String key) {
        Matcher matcher = FORMAT.matcher(key);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static boolean matches(String key, String storedHash) {
        return MessageDigest.isEqual(hash(key).getBytes(StandardCharsets.US_ASCII), storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private ConsumerKeys() {
    }
}
