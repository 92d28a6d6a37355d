package dev.moravec.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * How the values of a label column read: which values exist, which are positive unless the user says
 * otherwise, and the number each stands for in an occupation's mean label. The first label of a file
 * decides its scale; every other label must be on the same scale.
 */
public enum LabelScale {
    /**
     * LLM exposure as in "GPTs are GPTs": {@code E0} not exposed, {@code E1} exposed to a language
     * model alone, {@code E2} exposed with software built around it. {@code E0 = 0, E2 = 0.5,
     * E1 = 1}; positive by default: {@code E1, E2}.
     */
    EXPOSURE("E0/E1/E2", "E0, E1, E2", "E0 = 0, E2 = 0.5, E1 = 1", List.of("E1", "E2")),
    /** Yes or no: {@code yes/no}, {@code y/n}, {@code true/false}; positive 1, other 0; positive by default: yes. */
    BINARY("yes/no", "yes, no, y, n, true, false", "positive = 1, other = 0", List.of("yes", "y", "true")),
    /** Numbers, used as they are; positive by default: any number above 0. */
    NUMERIC("numeric", "any number", "the number itself", List.of("> 0"));

    private static final Set<String> EXPOSURE_VALUES = Set.of("E0", "E1", "E2");
    private static final Set<String> BINARY_VALUES = Set.of("yes", "no", "y", "n", "true", "false");

    private final String label;
    private final String knownValues;
    private final String mapping;
    private final List<String> defaultPositive;

    LabelScale(String label, String knownValues, String mapping, List<String> defaultPositive) {
        this.label = label;
        this.knownValues = knownValues;
        this.mapping = mapping;
        this.defaultPositive = defaultPositive;
    }

    /** @return how reports name the scale, such as {@code E0/E1/E2} */
    public String label() {
        return label;
    }

    /** @return the values this scale knows, for messages */
    public String knownValues() {
        return knownValues;
    }

    /** @return how labels map to numbers for the occupation mean, such as {@code E0 = 0, E2 = 0.5, E1 = 1} */
    public String mapping() {
        return mapping;
    }

    /** @return the positive values when the user names none */
    public List<String> defaultPositive() {
        return defaultPositive;
    }

    /** @return every scale's known values, for the message about a value no scale knows */
    static String allKnownValues() {
        return EXPOSURE.knownValues + " (exposure); " + BINARY.knownValues + " (binary); or numbers";
    }

    /**
     * The scale a value belongs to.
     *
     * @param value a label as the file writes it
     * @return the first scale that knows it, or empty
     */
    static Optional<LabelScale> recognise(String value) {
        for (LabelScale scale : values()) {
            if (scale.canonical(value).isPresent()) {
                return Optional.of(scale);
            }
        }
        return Optional.empty();
    }

    /**
     * A value's canonical spelling on this scale.
     *
     * @param value a label as the file or the user writes it
     * @return {@code E1} for {@code e1}, {@code yes} for {@code YES}, a number as written; empty when
     *     the value is not on this scale
     */
    Optional<String> canonical(String value) {
        String text = value.strip();
        return switch (this) {
            case EXPOSURE -> {
                String upper = text.toUpperCase(Locale.ROOT);
                yield EXPOSURE_VALUES.contains(upper) ? Optional.of(upper) : Optional.empty();
            }
            case BINARY -> {
                String lower = text.toLowerCase(Locale.ROOT);
                yield BINARY_VALUES.contains(lower) ? Optional.of(lower) : Optional.empty();
            }
            case NUMERIC -> number(text).isPresent() ? Optional.of(text) : Optional.empty();
        };
    }

    /**
     * The number a label stands for in an occupation's mean.
     *
     * @param canonical the label, canonical on this scale
     * @param positive whether it is a positive label
     * @return its number
     */
    double value(String canonical, boolean positive) {
        return switch (this) {
            case EXPOSURE -> switch (canonical) {
                case "E0" -> 0.0;
                case "E1" -> 1.0;
                default -> 0.5; // E2: exposed only with software built around the model, so half-way
            };
            case BINARY -> positive ? 1.0 : 0.0;
            case NUMERIC -> number(canonical).orElseThrow();
        };
    }

    static Optional<Double> number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
