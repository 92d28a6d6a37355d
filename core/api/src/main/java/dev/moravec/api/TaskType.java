package dev.moravec.api;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a task is central to its occupation, as O*NET records it.
 *
 * @since 1.0.0
 */
public enum TaskType {
    /** A task critical to the occupation (O*NET "Core"). */
    CORE,
    /** A task that is part of the occupation but less central (O*NET "Supplemental"). */
    SUPPLEMENTAL;

    /**
     * Reads a task type as catalogs write it, ignoring case and surrounding blanks.
     *
     * @param text {@code core} or {@code supplemental}; blank, {@code n/a} and {@code null} mean unknown
     * @return the type, or empty when the text says it is unknown
     * @throws IllegalArgumentException if the text is none of these
     */
    public static Optional<TaskType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "", "n/a", "na" -> Optional.empty();
            case "core" -> Optional.of(CORE);
            case "supplemental" -> Optional.of(SUPPLEMENTAL);
            default -> throw new IllegalArgumentException(
                    "'" + text + "' is not a task type: use Core, Supplemental or leave it empty");
        };
    }
}
