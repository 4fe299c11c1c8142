package org.newsflow.publish.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class SubscriptionIndexTest {

    @Test
    void theIndexFindsExactlyWhatTestingEverySubscriptionFinds() {
        RandomSubscriptions random = new RandomSubscriptions(7L);
        SubscriptionIndex index = new SubscriptionIndex(new ObjectMapper());
        List<SubscriptionFilter> filters = new ArrayList<>();
        for (JsonNode filter : random.filters(3_000)) {
            SubscriptionFilter parsed = SubscriptionFilter.parse(filter);
            filters.add(parsed);
            index.put("s" + filters.size(), parsed);
        }
        int matched = 0;
        for (int a = 0; a < 500; a++) {
            ArticleFeatures article = random.article();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < filters.size(); i++) {
                if (filters.get(i).matches(article)) {
                    expected.add("s" + (i + 1));
                }
            }
            assertThat(index.matching(article)).containsExactlyInAnyOrderElementsOf(expected);
            matched += expected.size();
        }
        assertThat(matched).as("the random articles do match some subscriptions").isGreaterThan(500);
    }

    @Test
    void aRemovedOrReplacedSubscriptionNoLongerMatchesByItsOldFilter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SubscriptionIndex index = new SubscriptionIndex(json);
        ArticleFeatures norway = ArticleFeatures.of(json.readTree(
                "{\"places\": [{\"name\": \"Norway\", \"uri\": \"http://cv.iptc.org/newscodes/iso3166-1a2/NO\"}]}"),
                null, "wire");
        index.put("a", SubscriptionFilter.parse(json.readTree("{\"all\": {\"countries\": [\"NO\"]}}")));
        index.put("b", SubscriptionFilter.parse(json.readTree("{\"all\": {\"countries\": [\"NO\"]}}")));

        index.remove("a");
        index.put("b", SubscriptionFilter.parse(json.readTree("{\"all\": {\"countries\": [\"SE\"]}}")));

        assertThat(index.matching(norway)).isEmpty();
    }
}
