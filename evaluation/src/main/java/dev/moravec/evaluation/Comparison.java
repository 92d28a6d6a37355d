package dev.moravec.evaluation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Two configurations evaluated on the same ratings and the same bootstrap resamples.
 *
 * @param a the first configuration's report
 * @param b the second's
 * @param difference each headline figure's {@code B - A}, with the interval of the paired differences
 */
public record Comparison(EvaluationReport a, EvaluationReport b, Map<Measure, Estimate> difference) {

    /** Copies the differences. */
    public Comparison {
        difference = Collections.unmodifiableMap(new EnumMap<>(difference));
    }
}
