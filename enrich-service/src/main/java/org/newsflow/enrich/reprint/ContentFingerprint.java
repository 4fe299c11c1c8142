package org.newsflow.enrich.reprint;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.newsflow.enrich.text.ArticleText;

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
        List<String> tokens = tokens(text);
        int width = Math.min(shingleWords, Math.max(1, tokens.size()));
        long[] hashes = new long[Math.max(0, tokens.size() - width + 1)];
        int kept = 0;
        for (int i = 0; i + width <= tokens.size(); i++) {
            long hash = hash(tokens, i, width);
            if (Long.remainderUnsigned(hash, sampleRate) == 0) {
                hashes[kept++] = hash;
            }
        }
        long[] distinct = Arrays.stream(hashes, 0, kept).distinct().sorted().limit(maxSamples).toArray();
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
     * Lower-cased words; scripts written without spaces (Chinese, Japanese, Thai, ...) contribute one token per
     * character, so that their shingles are character sequences.
     */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        for (String word : ArticleText.words(normal)) {
            if (word.codePoints().anyMatch(ContentFingerprint::unspaced)) {
                word.codePoints().forEach(c -> tokens.add(Character.toString(c)));
            } else {
                tokens.add(word);
            }
        }
        return tokens;
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

    /** FNV-1a over the shingle's characters, then a 64-bit finaliser so that the low bits are well mixed. */
    private static long hash(List<String> tokens, int from, int width) {
        long hash = 0xcbf29ce484222325L;
        for (int i = from; i < from + width; i++) {
            String token = tokens.get(i);
            for (int c = 0; c < token.length(); c++) {
                hash = (hash ^ token.charAt(c)) * 0x100000001b3L;
            }
            hash = (hash ^ ' ') * 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
