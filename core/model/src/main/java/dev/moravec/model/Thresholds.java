package dev.moravec.model;

/**
 * Where the axes are split into quadrants: a task is transferable when {@code T >= transferability}
 * and cheap to verify when {@code V <= verificationCost}.
 *
 * @param transferability the transferability threshold, in [0, 1]
 * @param verificationCost the verification cost threshold, in [0, 1]
 */
public record Thresholds(double transferability, double verificationCost) {

    /** The thresholds of DESIGN section 1: {@code T >= 0.5}, {@code V <= 0.5}. */
    public static final Thresholds DEFAULT = new Thresholds(0.5, 0.5);

    /**
     * Checks both thresholds.
     *
     * @throws IllegalArgumentException if a threshold is outside [0, 1]
     */
    public Thresholds {
        if (!(transferability >= 0 && transferability <= 1)) {
            throw new IllegalArgumentException("thresholds.transferability " + transferability + " is outside [0, 1]");
        }
        if (!(verificationCost >= 0 && verificationCost <= 1)) {
            throw new IllegalArgumentException(
                    "thresholds.verificationCost " + verificationCost + " is outside [0, 1]");
        }
    }
}
