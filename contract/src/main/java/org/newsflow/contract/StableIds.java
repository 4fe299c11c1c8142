package org.newsflow.contract;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers. The same input always gives the same id, so a redelivered or re-emitted event
 * carries the id it had the first time and every consumer can de-duplicate on it.
 */
public final class StableIds {

    /** The article id: one per publisher and article {@code uri}, shared by all versions of the article. */
    public static String articleId(String publisherId, String uri) {
        return nameBased("article", publisherId + "\n" + uri);
    }

    /** The id of the event a service emits in reaction to the event {@code causeEventId}. */
    public static String derivedEventId(String eventType, String causeEventId) {
        return nameBased(eventType, causeEventId);
    }

    private static String nameBased(String namespace, String name) {
        return UUID.nameUUIDFromBytes((namespace + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private StableIds() {
    }
}
