package org.newsflow.enrich.reprint;

import java.text.Normalizer;
import java.util.Arrays;


/**
 * A fixed-size sample of an article's word sequences (shingles), for finding copies without comparing texts.
 * Each shingle is hashed; only hashes divisible by the sample rate are kept (the same shingles are therefore
 * kept in every text containing them), and at most {@code maxSamples} of the smallest. The share of one
 * text's samples found in another estimates how much of it the other contains.
 *
 * @param samples sorted sampled hashes
 */
public record ContentFingerprint(long[] samples) {

    public static ContentFingerprint of(String text, int shingleWords, int sampleRate, int maxSamples) {
        long[] tokens = tokenHashes(text);
        int width = Math.min(shingleWords, Math.max(1, tokens.length));
        long[] kept = new long[Math.max(0, tokens.length - width + 1)];
        int count = 0;
        for (int i = 0; i + width <= tokens.length; i++) {
            long hash = 0xcbf29ce484222325L;
            for (int t = i; t < i + width; t++) {
                hash = (hash ^ tokens[t]) * 0x100000001b3L;
            }
            hash = mix(hash);
            if (Long.remainderUnsigned(hash, sampleRate) == 0) {
                kept[count++] = hash;
            }
        }
        long[] distinct = Arrays.stream(kept, 0, count).distinct().sorted().limit(maxSamples).toArray();
        return new ContentFingerprint(distinct);
    }

    public int size() {
        return samples.length;
    }

    /** How many samples the two fingerprints share. */
    public int shared(long[] other) {
        int shared = 0;
        for (long sample : samples) {
            if (Arrays.binarySearch(other, sample) >= 0) {
                shared++;
            }
        }
        return shared;
    }

    /**
     * One hash per token: lower-cased letters and digits (NFKC-normalised, so that full-width and composed forms
     * agree); scripts written without spaces (Chinese, Japanese, Thai, ...) give one token per character, so that
     * their shingles are character sequences. No token strings are made: this runs over every article.
     */
    static long[] tokenHashes(String text) {
        String normal = Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
        long[] hashes = new long[Math.max(16, normal.length() / 4)];
        int count = 0;
        long hash = 0;
        boolean inWord = false;
        for (int i = 0; i < normal.length();) {
            int c = normal.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            boolean wordChar = Character.isLetterOrDigit(c) || (inWord && (type == Character.NON_SPACING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK));
            if (wordChar && unspaced(c)) {
                if (inWord) {
                    hashes = append(hashes, count++, hash);
                    inWord = false;
                }
                hashes = append(hashes, count++, 0xcbf29ce484222325L ^ c);
                continue;
            }
            if (wordChar) {
                hash = (inWord ? hash : 0xcbf29ce484222325L) ^ Character.toLowerCase(c);
                hash *= 0x100000001b3L;
                inWord = true;
            } else if (inWord && !(c == '\'' || c == '’' || c == '-') ) {
                hashes = append(hashes, count++, hash);
                inWord = false;
            }
        }
        if (inWord) {
            hashes = append(hashes, count++, hash);
        }
        return Arrays.copyOf(hashes, count);
    }

    private static long[] append(long[] array, int at, long value) {
        long[] target = at < array.length ? array : Arrays.copyOf(array, array.length * 2);
        target[at] = value;
        return target;
    }

    /** A 64-bit finaliser, so that the low bits (which decide sampling) are well mixed. */
    private static long mix(long hash) {
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }

    private static boolean unspaced(int codePoint) {
        if (codePoint < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.THAI
                || script == Character.UnicodeScript.LAO || script == Character.UnicodeScript.KHMER
                || script == Character.UnicodeScript.MYANMAR;
    }
}
