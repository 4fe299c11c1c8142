package org.newsflow.publish.subscription;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.newsflow.publish.problem.ProblemException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * Finds the subscriptions an article matches without testing them all. Each subscription is filed under the
 * values of one criterion every matching article must have (its anchor: the most selective criterion of
 * {@code all}, else every criterion of {@code any}); an article looks up the subscriptions filed under its own
 * values and tests only those, plus the few that have no anchor (only {@code none} or only free text).
 */
@ApplicationScoped
public class SubscriptionIndex {

    /** Fields in order of selectivity: a person narrows more than a language. */
    private static final List<Field> ANCHOR_ORDER = List.of(Field.PEOPLE, Field.ORGANISATIONS, Field.PLACES,
            Field.SUBJECTS, Field.SOURCES, Field.KEYWORDS, Field.COUNTRIES, Field.LANGUAGES);

    /**
     * A subscription as the index holds it. {@code anchorDecides}: the filter is its anchor alone, on a field
     * compared exactly, so being found under the anchor is the match.
     */
    public record Entry(String subscriptionId, SubscriptionFilter filter, boolean anchorDecides) {
    }

    private static final java.util.Set<Field> EXACT = java.util.EnumSet.of(Field.SUBJECTS, Field.COUNTRIES,
            Field.LANGUAGES, Field.SOURCES, Field.ORGANISATIONS, Field.PLACES);

    private final ObjectMapper json;
    /** Subscriptions by a dense number, so that sets of them are bit sets; a removed one leaves a null. */
    private volatile Entry[] slots = new Entry[1024];
    private final Map<String, Integer> slotOf = new HashMap<>();
    private int nextSlot;
    private final Map<Field, Map<String, java.util.BitSet>> postings = new java.util.EnumMap<>(Field.class);
    private final java.util.BitSet unanchored = new java.util.BitSet();
    private final java.util.BitSet decided = new java.util.BitSet(); // anchor alone decides

    public SubscriptionIndex(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    void load(@Observes StartupEvent start) {
        for (Subscription subscription : Subscription.live()) {
            put(subscription.id, parse(subscription.filter));
        }
    }

    SubscriptionFilter parse(String filter) {
        try {
            return SubscriptionFilter.parse(json.readTree(filter));
        } catch (java.io.IOException | ProblemException e) {
            throw new IllegalStateException("a stored filter was valid when stored: " + filter, e);
        }
    }

    public synchronized void put(String subscriptionId, SubscriptionFilter filter) {
        Integer existing = slotOf.get(subscriptionId);
        if (existing != null && slots[existing].filter().equals(filter)) {
            return; // unchanged (a refresh re-reads recent changes, this instance's own included)
        }
        remove(subscriptionId);
        Map<Field, Set<String>> anchors = anchors(filter);
        boolean anchorDecides = filter.any().isEmpty() && filter.none().isEmpty() && filter.all().size() == 1
                && anchors.size() == 1 && EXACT.contains(anchors.keySet().iterator().next());
        int slot = nextSlot++;
        if (slot >= slots.length) {
            slots = java.util.Arrays.copyOf(slots, slots.length * 2);
        }
        slots[slot] = new Entry(subscriptionId, filter, anchorDecides);
        slotOf.put(subscriptionId, slot);
        if (anchors.isEmpty()) {
            unanchored.set(slot);
        }
        decided.set(slot, anchorDecides);
        anchors.forEach((field, values) -> values.forEach(value -> postings
                .computeIfAbsent(field, f -> new HashMap<>())
                .computeIfAbsent(value, v -> new java.util.BitSet()).set(slot)));
    }

    public synchronized void remove(String subscriptionId) {
        Integer slot = slotOf.remove(subscriptionId);
        if (slot == null) {
            return;
        }
        Entry old = slots[slot];
        slots[slot] = null;
        unanchored.clear(slot);
        decided.clear(slot);
        anchors(old.filter()).forEach((field, values) -> values.forEach(value -> {
            java.util.BitSet ids = postings.getOrDefault(field, Map.of()).get(value);
            if (ids != null) {
                ids.clear(slot);
            }
        }));
    }

    /** The subscriptions whose filters the article meets. */
    public synchronized List<String> matching(ArticleFeatures article) {
        java.util.BitSet found = (java.util.BitSet) unanchored.clone();
        postings.forEach((field, byValue) -> {
            for (String value : lookupValues(field, article)) {
                java.util.BitSet ids = byValue.get(value);
                if (ids != null) {
                    found.or(ids);
                }
            }
        });
        List<String> matched = new ArrayList<>();
        Entry[] current = slots;
        for (int slot = found.nextSetBit(0); slot >= 0; slot = found.nextSetBit(slot + 1)) {
            Entry entry = current[slot];
            // found under its only, exact criterion, a subscription needs no second test
            if (entry != null && (decided.get(slot) || entry.filter().matches(article))) {
                matched.add(entry.subscriptionId());
            }
        }
        return matched;
    }

    public synchronized int size() {
        return slotOf.size();
    }

    /** The article's values under which subscriptions may be filed (a person also under the surname). */
    private static Set<String> lookupValues(Field field, ArticleFeatures article) {
        Set<String> values = article.values(field);
        if (field == Field.PEOPLE || field == Field.KEYWORDS) {
            Set<String> withParts = new HashSet<>(values);
            values.forEach(v -> withParts.addAll(List.of(v.split(" "))));
            return withParts;
        }
        return values;
    }

    /** The criterion every match must meet, most selective first; all criteria of {@code any} otherwise. */
    private static Map<Field, Set<String>> anchors(SubscriptionFilter filter) {
        for (Field field : ANCHOR_ORDER) {
            if (filter.all().containsKey(field)) {
                return Map.of(field, anchorValues(field, filter.all().get(field)));
            }
        }
        if (!filter.any().isEmpty() && !filter.any().containsKey(Field.TEXT)) {
            Map<Field, Set<String>> anchors = new HashMap<>();
            filter.any().forEach((field, values) -> anchors.put(field, anchorValues(field, values)));
            return anchors;
        }
        return Map.of();
    }

    /** Multi-word people and keywords are filed under their last word, which every matching article has. */
    private static Set<String> anchorValues(Field field, Set<String> values) {
        if (field != Field.PEOPLE && field != Field.KEYWORDS) {
            return values;
        }
        Set<String> words = new HashSet<>();
        values.forEach(v -> words.add(v.substring(v.lastIndexOf(' ') + 1)));
        return words;
    }
}
