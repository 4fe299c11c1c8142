package org.newsflow.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The story index of one command-line run (and of unit tests). */
public final class InMemoryStoryIndex implements StoryIndex {

    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, Set<String>> byKey = new HashMap<>();

    @Override
    public List<Member> sharing(Iterable<String> keys, Instant from, Instant to, String exceptArticleId, int limit) {
        Map<String, Integer> shared = new HashMap<>();
        for (String key : keys) {
            byKey.getOrDefault(key, Set.of()).forEach(id -> shared.merge(id, 1, Integer::sum));
        }
        List<Member> found = new ArrayList<>();
        shared.keySet().forEach(id -> {
            Member member = members.get(id);
            Instant seen = member.seenAt();
            boolean inWindow = seen == null || ((from == null || !seen.isBefore(from)) && (to == null || !seen.isAfter(to)));
            if (inWindow && !id.equals(exceptArticleId)) {
                found.add(member);
            }
        });
        found.sort(Comparator.comparingInt((Member m) -> shared.get(m.articleId())).reversed()
                .thenComparing(Member::articleId));
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    @Override
    public Member get(String articleId) {
        return members.get(articleId);
    }

    @Override
    public void add(Member member) {
        Member previous = members.put(member.articleId(), member);
        if (previous != null) {
            previous.features().keySet().forEach(key -> byKey.getOrDefault(key, Set.of()).remove(member.articleId()));
        }
        member.features().keySet().forEach(key -> byKey.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(member.articleId()));
    }
}
