package dev.moravec.model;

import dev.moravec.api.Axis;
import java.util.Map;

/**
 * How the configuration treats one scorer.
 *
 * @param weight the scorer's weight in the combination, at least 0; each rating counts with
 *     {@code weight * confidence}
 * @param enabled whether the scorer is asked at all
 * @param settings the scorer's own settings, handed to it as its Declarative Services configuration
 *     ({@code moravec.scorer.<id>}) and checked against the metatype it declares
 * @param transferabilityWeight the weight on transferability when it differs from {@code weight}, else
 *     {@code null}: a scorer may be better on one axis than the other
 * @param verificationCostWeight the weight on verification cost when it differs, else {@code null}
 */
public record ScorerSettings(double weight, boolean enabled, Map<String, String> settings, Double transferabilityWeight,
        Double verificationCostWeight) {

    /** A scorer the configuration does not mention: weight 1, enabled, no settings. */
    public static final ScorerSettings DEFAULT = new ScorerSettings(1.0, true, Map.of());

    /**
     * Checks the weights and copies the settings.
     *
     * @throws IllegalArgumentException if a weight is negative or not finite
     */
    public ScorerSettings {
        check("weight", weight);
        if (transferabilityWeight != null) {
            check("transferabilityWeight", transferabilityWeight);
        }
        if (verificationCostWeight != null) {
            check("verificationCostWeight", verificationCostWeight);
        }
        settings = Map.copyOf(settings);
    }

    /**
     * Settings with one weight for both axes.
     *
     * @param weight the weight
     * @param enabled whether the scorer is asked
     * @param settings its own settings
     */
    public ScorerSettings(double weight, boolean enabled, Map<String, String> settings) {
        this(weight, enabled, settings, null, null);
    }

    private static void check(String name, double weight) {
        if (!(weight >= 0 && Double.isFinite(weight))) {
            throw new IllegalArgumentException(name + " " + weight + " must be a finite number >= 0");
        }
    }

    /**
     * The weight on one axis.
     *
     * @param axis the axis
     * @return the axis's own weight if set, else {@link #weight()}
     */
    public double weight(Axis axis) {
        Double own = axis == Axis.TRANSFERABILITY ? transferabilityWeight : verificationCostWeight;
        return own != null ? own : weight;
    }

    /**
     * These settings with other weights.
     *
     * @param transferability the weight on transferability
     * @param verificationCost the weight on verification cost
     * @return the new settings; one {@code weight} when both are equal
     */
    public ScorerSettings withWeights(double transferability, double verificationCost) {
        return transferability == verificationCost
                ? new ScorerSettings(transferability, enabled, settings)
                : new ScorerSettings(verificationCost, enabled, settings, transferability, null);
    }
}
