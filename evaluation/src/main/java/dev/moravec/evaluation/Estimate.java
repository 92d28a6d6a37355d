package dev.moravec.evaluation;

/**
 * A figure and its bootstrap percentile interval (95% unless the {@link Bootstrap} says otherwise).
 *
 * @param value the figure on all the data, NaN when it is undefined (one class empty, too few
 *     occupations)
 * @param low the interval's lower end, NaN when undefined
 * @param high the interval's upper end, NaN when undefined
 */
public record Estimate(double value, double low, double high) {

    /** A figure that cannot be computed. */
    public static final Estimate UNDEFINED = new Estimate(Double.NaN, Double.NaN, Double.NaN);

    /** @return whether the figure could be computed */
    public boolean isDefined() {
        return !Double.isNaN(value);
    }
}
