package org.newsflow.enrich.story;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The articles already assigned to stories, looked up by the names they share: enrich's database in the
 * service, memory on the command line.
 */
public interface StoryIndex {

    /** An article of a story and the weighted names it was clustered by. */
    record Member(String articleId, String storyId, Map<String, Integer> features, Instant seenAt) {
    }

    /**
     * Members other than {@code exceptArticleId} sharing at least one of {@code keys}, whose time lies within
     * [{@code from}, {@code to}] (or is unknown; a null bound is open), those sharing most keys first.
     */
    List<Member> sharing(Iterable<String> keys, Instant from, Instant to, String exceptArticleId, int limit);

    /** The member for an article, or null. */
    Member get(String articleId);

    /** Adds an article, replacing an earlier version of it. */
    void add(Member member);
}
