package org.newsflow.contract;

/**
 * An earlier article this one copies or nearly copies, found by comparing their texts (any publisher).
 *
 * @param originalArticleId Newsflow id of the original (the first article of the chain: a copy of a copy names
 *        the first)
 * @param originalUri ninjs {@code uri} of the original, also written to the ninjs {@code associations} with
 *        {@code rel: original}
 * @param originalSource who published the original: its own attribution, copyright holder or publisher
 * @param containment share of the shorter text's sampled word sequences found in the other, 0..1
 * @param sharedShingles how many sampled word sequences the two texts share
 */
public record Reprint(String originalArticleId, String originalUri, String originalSource, double containment,
        int sharedShingles) {
}
