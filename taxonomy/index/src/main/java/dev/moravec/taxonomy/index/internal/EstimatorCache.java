package dev.moravec.taxonomy.index.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last few interval estimates of an index, so a server answering the page's requests resamples a
 * commit once, not on every request. Keys name everything an estimate depends on (the commit, the
 * family, the overrides, the scenario, the settings); an estimate of an older commit is never used.
 */
public final class EstimatorCache {

    private static final int SIZE = 8;

    /** Computes an estimate. */
    @FunctionalInterface
    public interface Estimate {
        /**
         * @return the estimate
         * @throws IOException if the index cannot be read
         */
        IntervalEstimator compute() throws IOException;
    }

    private final Map<String, IntervalEstimator> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, IntervalEstimator> eldest) {
            return size() > SIZE;
        }
    };

    /**
     * The estimate of a key, computed if it is not among the recent ones.
     *
     * @param key what the estimate depends on
     * @param estimate computes it
     * @return the estimate
     * @throws IOException if the index cannot be read
     */
    public IntervalEstimator get(String key, Estimate estimate) throws IOException {
        synchronized (recent) {
            IntervalEstimator known = recent.get(key);
            if (known != null) {
                return known;
            }
        }
        IntervalEstimator computed = estimate.compute();
        synchronized (recent) {
            recent.put(key, computed);
        }
        return computed;
    }
}
