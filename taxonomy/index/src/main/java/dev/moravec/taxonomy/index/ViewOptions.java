package dev.moravec.taxonomy.index;

import dev.moravec.model.AnalystOverrides;
import java.util.Objects;

/**
 * How rankings, drill-downs and bottlenecks look at the scores: with which analyst overrides, and with
 * or without 90% intervals.
 *
 * @param overrides the analyst overrides to apply after the scorers ({@link AnalystOverrides#NONE} for the
 *     scorers' verdicts as they are)
 * @param intervals how to estimate intervals, or {@code null} for none
 */
public record ViewOptions(AnalystOverrides overrides, IntervalSettings intervals) {

    /** The scores as the scorers gave them, without intervals. */
    public static final ViewOptions PLAIN = new ViewOptions(AnalystOverrides.NONE, null);

    /** Checks the overrides. */
    public ViewOptions {
        Objects.requireNonNull(overrides, "overrides");
    }
}
