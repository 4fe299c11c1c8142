package org.newsflow.contract;

/**
 * Where an article says it comes from: a reprint naming its original publisher and author, or a report citing
 * an agency. Found in the text, whether or not the original was ever pushed to Newsflow.
 *
 * @param originator the publisher or agency the text was first published by (also in ninjs
 *        {@code infoSources[role=originator]})
 * @param author the original author when the text names one, else null
 * @param rule the pattern that recognised it, e.g. {@code reprints-article-by}, {@code menafn}, {@code citing}
 * @param evidence the sentence it was read from
 */
public record Attribution(String originator, String author, String rule, String evidence) {
}
