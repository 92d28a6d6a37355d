package dev.moravec.model;

import java.util.Objects;

/**
 * How much one scorer's rating weighed in a verdict, on each axis: its weight times its confidence, or
 * its weight alone when every rating on that axis had confidence 0; 0 where it did not count (it
 * abstained on the axis, failed, or has weight 0). The verdict's T is the mean of the scorers' T
 * weighted by these, and its V likewise, so a verdict can be combined again from any subset of its
 * scorers, as the intervals do.
 *
 * @param scorer the scorer's id
 * @param transferability its weight in the verdict's T
 * @param verificationCost its weight in the verdict's V
 */
public record ScorerShare(String scorer, double transferability, double verificationCost) {

    /** Checks the fields. */
    public ScorerShare {
        Objects.requireNonNull(scorer, "scorer");
        if (!(transferability >= 0) || !(verificationCost >= 0)) {
            throw new IllegalArgumentException("a scorer's share is at least 0");
        }
    }
}
