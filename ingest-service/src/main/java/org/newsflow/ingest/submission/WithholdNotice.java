package org.newsflow.ingest.submission;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What goes on for a {@code withheld} version of an article consumers already hold: that it exists and that the
 * article is not to be used until further notice, without its text. Its full content stays with the submission;
 * the next usable version travels as any other.
 */
final class WithholdNotice {

    /** The ninjs fields that identify the version and say what to do, none that carries content. */
    private static final List<String> KEPT = List.of("uri", "type", "version", "pubStatus", "versionCreated",
            "firstCreated", "language");

    static ObjectNode of(ObjectNode article) {
        ObjectNode notice = article.objectNode();
        for (String field : KEPT) {
            if (article.has(field)) {
                notice.set(field, article.get(field));
            }
        }
        return notice;
    }

    private WithholdNotice() {
    }
}
