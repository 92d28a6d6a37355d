package dev.moravec.engine;

import java.util.Map;

/**
 * How the configuration treats one scorer.
 *
 * @param weight the scorer's weight in the combination, at least 0; each rating counts with
 *     {@code weight * confidence}
 * @param enabled whether the scorer is asked at all
 * @param settings the scorer's own settings, passed to it as framework properties
 *     {@code moravec.scorer.<id>.<name>}
 */
public record ScorerSettings(double weight, boolean enabled, Map<String, String> settings) {

    /** A scorer the configuration does not mention: weight 1, enabled, no settings. */
    public static final ScorerSettings DEFAULT = new ScorerSettings(1.0, true, Map.of());

    /**
     * Checks the weight and copies the settings.
     *
     * @throws IllegalArgumentException if the weight is negative or not finite
     */
    public ScorerSettings {
        if (!(weight >= 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException("weight " + weight + " must be a finite number >= 0");
        }
        settings = Map.copyOf(settings);
    }
}
