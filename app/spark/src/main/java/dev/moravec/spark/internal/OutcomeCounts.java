package dev.moravec.spark.internal;

import java.io.Serial;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.AccumulatorV2;

/**
 * Each scorer's outcomes counted as the tasks rate: how many ratings each scorer, at each version, gave
 * with each status. Counted in the pass that writes the verdicts, an action, so Spark adds each
 * partition's counts once, however often its task ran.
 */
final class OutcomeCounts extends AccumulatorV2<OutcomeCounts.Outcome, Map<OutcomeCounts.Outcome, Long>> {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * What is counted.
     *
     * @param scorer a scorer's id
     * @param version its version
     * @param status the outcome's status
     */
    record Outcome(String scorer, String version, String status) implements Serializable, Comparable<Outcome> {

        private static final Comparator<Outcome> ORDER = Comparator.comparing(Outcome::scorer)
                .thenComparing(Outcome::version).thenComparing(Outcome::status);

        @Override
        public int compareTo(Outcome other) {
            return ORDER.compare(this, other);
        }
    }

    // in natural order, so that the map travels with the task's result (a comparator would have to be serialisable)
    private final TreeMap<Outcome, Long> counts = new TreeMap<>();

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
    public void add(Outcome outcome) {
        counts.merge(outcome, 1L, Long::sum);
    }

    /**
     * Adds counts made elsewhere, such as a batch's.
     *
     * @param counted outcomes and how often each came
     */
    void addAll(Map<Outcome, Long> counted) {
        counted.forEach((outcome, count) -> counts.merge(outcome, count, Long::sum));
    }

    @Override
    public void merge(AccumulatorV2<Outcome, Map<Outcome, Long>> other) {
        addAll(other.value());
    }

    /** @return the counts, by scorer, version and status */
    @Override
    public Map<Outcome, Long> value() {
        return counts;
    }
}
