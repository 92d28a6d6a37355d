package dev.moravec.api;

import java.util.OptionalDouble;

/**
 * How much a task matters to its occupation, where the catalog says so. O*NET rates importance from
 * 1 to 5, relevance as the percentage of incumbents who perform the task (0 to 100), and frequency on
 * a scale from 1 (yearly or less) to 7 (hourly or more).
 *
 * @param importance importance, 1 to 5, if known
 * @param relevance relevance, 0 to 100, if known
 * @param frequency frequency, 1 to 7, if known
 * @since 1.0.0
 */
public record TaskWeights(OptionalDouble importance, OptionalDouble relevance, OptionalDouble frequency) {

    /** No weight is known. */
    public static final TaskWeights NONE =
            new TaskWeights(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());

    /**
     * Checks each known weight against its scale.
     *
     * @throws IllegalArgumentException if a weight lies outside its scale, naming the weight
     */
    public TaskWeights {
        check("importance", importance, 1, 5);
        check("relevance", relevance, 0, 100);
        check("frequency", frequency, 1, 7);
    }

    private static void check(String name, OptionalDouble value, double min, double max) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null: use OptionalDouble.empty() when unknown");
        }
        if (value.isPresent()) {
            double v = value.getAsDouble();
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException(
                        name + " " + v + " is outside its scale [" + fmt(min) + ", " + fmt(max) + "]");
            }
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Whether any weight is known.
     *
     * @return true if importance, relevance or frequency is present
     */
    public boolean isKnown() {
        return importance.isPresent() || relevance.isPresent() || frequency.isPresent();
    }
}
