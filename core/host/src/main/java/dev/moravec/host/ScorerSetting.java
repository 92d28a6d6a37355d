package dev.moravec.host;

import java.util.List;

/**
 * One setting a scorer declares in its metatype, as {@code moravec plugins info} shows it.
 *
 * @param name its name, the key under {@code scorers.<id>.settings} in the configuration
 * @param type its type: String, Integer, Long, Double, Float, Boolean, ...
 * @param defaultValue its default, or {@code null} if it has none
 * @param description what it means, as the scorer's author wrote it
 * @param options the values it accepts when it is a choice, else empty
 * @param value the value the configuration sets, or {@code null} if it keeps the default
 */
public record ScorerSetting(String name, String type, String defaultValue, String description, List<String> options,
        String value) {

    /** Copies the options. */
    public ScorerSetting {
        options = List.copyOf(options);
    }
}
