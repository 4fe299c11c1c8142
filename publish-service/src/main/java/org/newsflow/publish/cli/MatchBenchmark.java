package org.newsflow.publish.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.newsflow.publish.subscription.ArticleFeatures;
import org.newsflow.publish.subscription.RandomSubscriptions;
import org.newsflow.publish.subscription.SubscriptionFilter;
import org.newsflow.publish.subscription.SubscriptionIndex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How fast an article finds its subscriptions:
 * <pre>
 *   ./newsflow bench-match [subscriptions] [articles]     defaults: 10,000 subscriptions, 20,000 articles
 * </pre>
 * Prints the time per article (p50/p99) through the index and, for comparison, testing every subscription.
 */
public final class MatchBenchmark {

    public static void main(String[] args) {
        int subscriptions = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int articles = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        RandomSubscriptions random = new RandomSubscriptions(20261128L);
        SubscriptionIndex index = new SubscriptionIndex(new ObjectMapper());
        List<SubscriptionFilter> filters = new ArrayList<>();
        for (JsonNode filter : random.filters(subscriptions)) {
            SubscriptionFilter parsed = SubscriptionFilter.parse(filter);
            filters.add(parsed);
            index.put("s" + filters.size(), parsed);
        }
        List<ArticleFeatures> sample = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            sample.add(random.article());
        }
        System.out.printf("▸ %,d subscriptions, %,d articles%n", subscriptions, articles);
        for (int warm = 0; warm < 3; warm++) {
            sample.forEach(index::matching);
        }
        long[] nanos = new long[articles];
        long matches = 0;
        for (int i = 0; i < articles; i++) {
            long start = System.nanoTime();
            matches += index.matching(sample.get(i)).size();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("  index:      p50 %.1f µs, p99 %.1f µs per article, %.1f matching subscriptions per article%n",
                nanos[articles / 2] / 1e3, nanos[(int) (articles * 0.99)] / 1e3, (double) matches / articles);

        int bruteArticles = Math.min(articles, 2_000);
        long[] brute = new long[bruteArticles];
        long bruteMatches = 0;
        for (int i = 0; i < bruteArticles; i++) {
            long start = System.nanoTime();
            for (SubscriptionFilter filter : filters) {
                bruteMatches += filter.matches(sample.get(i)) ? 1 : 0;
            }
            brute[i] = System.nanoTime() - start;
        }
        Arrays.sort(brute);
        System.out.printf("  every one:  p50 %.1f µs, p99 %.1f µs per article (%d articles), %.1f matching%n",
                brute[bruteArticles / 2] / 1e3, brute[(int) (bruteArticles * 0.99)] / 1e3, bruteArticles,
                (double) bruteMatches / bruteArticles);
        System.out.printf("{\"subscriptions\":%d,\"p50Micros\":%.1f,\"p99Micros\":%.1f}%n", subscriptions,
                nanos[articles / 2] / 1e3, nanos[(int) (articles * 0.99)] / 1e3);
    }

    private MatchBenchmark() {
    }
}
