package org.newsflow.enrich.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The story index of one command-line run (and of unit tests). */
public final class InMemoryStoryIndex implements StoryIndex {

    private static final int MAX_POSTINGS = 50;

    private final Map<String, Member> members = new HashMap<>();
    private final Map<String, List<String>> byKey = new HashMap<>();

    @Override
    public List<Member> sharing(Iterable<String> keys, Instant from, Instant to, String exceptArticleId, int limit) {
        Map<String, Integer> shared = new HashMap<>();
        for (String key : keys) {
            int looked = 0;
            List<String> postings = byKey.getOrDefault(key, List.of());
            for (int p = postings.size() - 1; p >= 0 && looked++ < MAX_POSTINGS; p--) { // newest first: a name in
                // every article for weeks says little, and its latest articles are the ones in the window
                shared.merge(postings.get(p), 1, Integer::sum);
            }
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
            previous.features().keySet().forEach(key -> byKey.getOrDefault(key, new ArrayList<>()).remove(member.articleId()));
        }
        member.features().keySet().forEach(key -> byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(member.articleId()));
    }
}
