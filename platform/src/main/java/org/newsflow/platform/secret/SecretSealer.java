package org.newsflow.platform.secret;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets a service must be able to read back (signing secrets: checking or making an HMAC needs them in
 * clear — publishers' in ingest, webhooks' in publish) before they are stored, so that a copy of the database or a
 * backup does not give them away.
 *
 * <p>A sealed value is {@code sealed:v1:<key id>:<base64url(nonce ‖ AES-256-GCM ciphertext ‖ tag)>}. The AES key is
 * derived from the configured secrets key; the key id (8 hex characters, derived the same way) says which key
 * sealed a value, so that a value sealed with a previous key still opens while it is re-sealed with the current
 * one. The row a secret belongs to is bound in as associated data: a sealed value copied onto another row does not
 * open.
 */
public final class SecretSealer {

    static final String PREFIX = "sealed:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keysById = new LinkedHashMap<>();

    /**
     * @param currentKey   the key new values are sealed with
     * @param previousKeys keys that sealed values still stored (opened, then re-sealed with the current key)
     */
    public SecretSealer(String currentKey, List<String> previousKeys) {
        this.currentKeyId = keyId(currentKey);
        keysById.put(currentKeyId, aesKey(currentKey));
        previousKeys.forEach(previous -> keysById.putIfAbsent(keyId(previous), aesKey(previous)));
    }

    /** The stored form of {@code secret}, which belongs to {@code owner} (e.g. {@code subscription:<id>}). */
    public String seal(String secret, String owner) {
        if (secret == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keysById.get(currentKeyId), nonce, owner,
                secret.getBytes(StandardCharsets.UTF_8));
        byte[] stored = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        return PREFIX + currentKeyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(stored);
    }

    /**
     * The secret in clear. A value stored in clear by a version that did not seal is answered as it is (it is
     * sealed at the next start-up).
     *
     * @throws IllegalStateException if the value was sealed with a key this instance does not have, or altered
     */
    public String open(String stored, String owner) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        String[] parts = stored.substring(PREFIX.length()).split(":", 2);
        SecretKeySpec key = keysById.get(parts[0]);
        if (key == null || parts.length < 2) {
            throw new IllegalStateException("the secret of " + owner + " was sealed with another key (key id " + parts[0]
                    + "): configure that key as the secrets key or among the previous secrets keys");
        }
        ByteBuffer sealed = ByteBuffer.wrap(Base64.getUrlDecoder().decode(parts[1]));
        byte[] nonce = new byte[NONCE_BYTES];
        sealed.get(nonce);
        byte[] rest = new byte[sealed.remaining()];
        sealed.get(rest);
        return new String(crypt(Cipher.DECRYPT_MODE, key, nonce, owner, rest), StandardCharsets.UTF_8);
    }

    /** Whether the stored value is in clear or sealed with a previous key. */
    public boolean needsResealing(String stored) {
        return stored != null && !stored.startsWith(PREFIX + currentKeyId + ":");
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, String owner, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("the stored secret of " + owner + " does not open: it was altered or "
                    + "belongs to another row");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static SecretKeySpec aesKey(String configured) {
        return new SecretKeySpec(derive(configured, "newsflow secrets encryption v1"), "AES");
    }

    private static String keyId(String configured) {
        return HexFormat.of().formatHex(derive(configured, "newsflow secrets key id v1"), 0, 4);
    }

    /** HMAC-SHA256 of a purpose label under the configured key: one key, separate values per purpose. */
    private static byte[] derive(String configured, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(configured.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }
}
