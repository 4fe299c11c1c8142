package org.newsflow.enrich.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Time spent in each enrichment step, summed over articles (for the benchmark); {@link #OFF} measures nothing. */
public class StepTimes {

    public static final StepTimes OFF = new StepTimes() {
        @Override
        public <T> T time(String step, Supplier<T> work) {
            return work.get();
        }
    };

    private final Map<String, Long> nanos = new LinkedHashMap<>();

    public <T> T time(String step, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            nanos.merge(step, System.nanoTime() - start, Long::sum);
        }
    }

    /** Nanoseconds per step, in the order the steps first ran. */
    public Map<String, Long> nanos() {
        return new LinkedHashMap<>(nanos);
    }
}
