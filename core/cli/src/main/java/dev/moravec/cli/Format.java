package dev.moravec.cli;

import java.util.Locale;
import java.util.OptionalDouble;

/** How numbers look in the command's tables and summaries. */
final class Format {

    private Format() {}

    static String unit(OptionalDouble value) {
        return value.isPresent() ? unit(value.getAsDouble()) : "-";
    }

    static String unit(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
