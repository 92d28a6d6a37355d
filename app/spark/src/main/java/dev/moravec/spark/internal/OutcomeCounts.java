package dev.moravec.spark.internal;

import java.io.Serial;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Each scorer's outcomes counted as the tasks rate: how many ratings each scorer, at each version, gave
 * with each status. Keys are {@code scorer}, {@code version} and {@code status} joined by tabs. Counted in
 * the pass that writes the verdicts, an action, so Spark adds each partition's counts once, however often
 * its task ran.
 */
final class OutcomeCounts extends AccumulatorV2<String, Map<String, Long>> {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TreeMap<String, Long> counts = new TreeMap<>();

    /**
     * @param scorer a scorer's id
     * @param version its version
     * @param status the outcome's status
     * @return the key that counts them
     */
    static String key(String scorer, String version, String status) {
        return scorer + "\t" + version + "\t" + status;
    }

    @Override
    public boolean isZero() {
        return counts.isEmpty();
    }

    @Override
    public OutcomeCounts copy() {
        OutcomeCounts copy = new OutcomeCounts();
        copy.counts.putAll(counts);
        return copy;
    }

    @Override
    public void reset() {
        counts.clear();
    }

    @Override
    public void add(String key) {
        counts.merge(key, 1L, Long::sum);
    }

    @Override
    public void merge(AccumulatorV2<String, Map<String, Long>> other) {
        other.value().forEach((key, count) -> counts.merge(key, count, Long::sum));
    }

    /** @return the counts by key, in key order */
    @Override
    public Map<String, Long> value() {
        return counts;
    }
}
