package org.newsflow.ingest.submission;

import java.util.List;

import org.newsflow.contract.Problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answer to an NDJSON batch or a feed document: one result per item, in order. */
public record BatchResult(int accepted, int repeated, int rejected, List<ItemResult> items) {

    /**
     * @param item 1-based position (the NDJSON line among non-blank lines, or the feed item)
     * @param status what a single push of this item would have answered: 202, 400, 409, …
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ItemResult(int item, int status, String submissionId, String articleId, String uri, String version,
            Boolean repeat, Problem problem) {
    }

    static BatchResult of(List<ItemResult> items) {
        int accepted = (int) items.stream().filter(i -> i.status() == 202 && !Boolean.TRUE.equals(i.repeat())).count();
        int repeated = (int) items.stream().filter(i -> Boolean.TRUE.equals(i.repeat())).count();
        return new BatchResult(accepted, repeated, items.size() - accepted - repeated, items);
    }
}
