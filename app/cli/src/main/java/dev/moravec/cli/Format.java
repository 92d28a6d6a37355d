package dev.moravec.cli;

import java.util.Locale;
import java.util.OptionalDouble;

/** How numbers look in the command's tables and summaries. */
public final class Format {

    private Format() {}

    public static String unit(OptionalDouble value) {
        return value.isPresent() ? unit(value.getAsDouble()) : "-";
    }

    public static String unit(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A figure of an evaluation: three decimals, or {@code -} when undefined. */
    public static String figure(double value) {
        // rounded first, so a tiny negative shows as 0.000, not -0.000
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", Math.round(value * 1000) / 1000.0 + 0.0);
    }

    /** A signed difference of figures. */
    public static String difference(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%+.3f", Math.round(value * 1000) / 1000.0 + 0.0);
    }

    /** An interval, such as {@code [0.823, 0.841]}, or empty when it is undefined. */
    public static String interval(dev.moravec.evaluation.Estimate estimate) {
        if (Double.isNaN(estimate.low()) || Double.isNaN(estimate.high())) {
            return "";
        }
        return "[" + figure(estimate.low()) + ", " + figure(estimate.high()) + "]";
    }

    /** A figure with its interval, such as {@code 0.832 [0.823, 0.841]}. */
    public static String estimate(dev.moravec.evaluation.Estimate estimate) {
        String interval = interval(estimate);
        return figure(estimate.value()) + (interval.isEmpty() ? "" : " " + interval);
    }

    /**
     * A bottleneck factor or a verification mode as tables show it.
     *
     * @param factor the factor or mode, or {@code null}
     * @return its name, or "-" for none
     */
    public static String factor(Enum<?> factor) {
        return factor == null ? "-" : factor.name();
    }
}
