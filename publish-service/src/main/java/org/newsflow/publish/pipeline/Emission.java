package org.newsflow.publish.pipeline;

import java.time.Instant;

/** An event to emit: the same every time its input is processed, so consumers can de-duplicate on the id. */
public record Emission(String eventId, String key, String subject, Instant time, String payload) {
}
