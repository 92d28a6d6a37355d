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
     * A score's 90% interval as tables show it.
     *
     * @param interval the interval, or {@code null}
     * @return {@code 0.38-0.44}, or "-" for none
     */
    public static String interval(dev.moravec.taxonomy.index.ScoreInterval interval) {
        return interval == null ? "-" : unit(interval.low()) + "-" + unit(interval.high());
    }

    /**
     * A rank's 90% range as tables show it.
     *
     * @param range the range, or {@code null}
     * @return {@code 7-19}, or "-" for none
     */
    public static String range(dev.moravec.taxonomy.index.RankRange range) {
        return range == null ? "-" : range.low() + "-" + range.high();
    }

    /**
     * The line that says how the intervals were estimated.
     *
     * @param settings the settings
     * @return the line
     */
    public static String intervals(dev.moravec.taxonomy.index.IntervalSettings settings) {
        return "Intervals: 90% bootstrap over tasks, occupations and scorers (" + count(settings.resamples())
                + " resamples, seed " + settings.seed() + "; docs/intervals.md).";
    }

    /**
     * What an override sets, as the override commands say it.
     *
     * @param override the override
     * @return {@code T 0.30, V 0.70} or {@code quadrant LAGGING}
     */
    public static String overrideSet(dev.moravec.model.AnalystOverride override) {
        if (override.quadrant() != null) {
            return "quadrant " + override.quadrant();
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        override.transferability().ifPresent(v -> parts.add("T " + unit(v)));
        override.verificationCost().ifPresent(v -> parts.add("V " + unit(v)));
        return String.join(", ", parts);
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

    /**
     * An amount of money as tables show it: dollars in thousands, millions, billions or trillions.
     *
     * @param dollars the amount, or {@code null}
     * @return such as {@code $1.23tn}, {@code $456.7bn}, {@code $12.3m}; {@code -} for none
     */
    public static String money(Double dollars) {
        if (dollars == null) {
            return "-";
        }
        double d = dollars;
        if (Math.abs(d) >= 1e12) {
            return String.format(Locale.ROOT, "$%.2ftn", d / 1e12);
        }
        if (Math.abs(d) >= 1e9) {
            return String.format(Locale.ROOT, "$%.1fbn", d / 1e9);
        }
        if (Math.abs(d) >= 1e6) {
            return String.format(Locale.ROOT, "$%.1fm", d / 1e6);
        }
        return String.format(Locale.ROOT, "$%,.0f", d);
    }

    /**
     * A share as a percentage.
     *
     * @param share between 0 and 1
     * @return such as {@code 42%}
     */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /**
     * A score's quadrant shares on one line.
     *
     * @param shares the share of the tasks in each quadrant
     * @return {@code Quadrants:  PURE_REASONING 63% ...}, UNRATED only when some tasks are
     */
    public static String quadrants(java.util.Map<dev.moravec.model.Quadrant, Double> shares) {
        StringBuilder line = new StringBuilder("Quadrants: ");
        for (dev.moravec.model.Quadrant q : dev.moravec.model.Quadrant.values()) {
            double share = shares.getOrDefault(q, 0.0);
            if (q != dev.moravec.model.Quadrant.UNRATED || share > 0) {
                line.append(String.format(java.util.Locale.ROOT, " %s %.0f%%", q, 100 * share));
            }
        }
        return line.toString();
    }
}
