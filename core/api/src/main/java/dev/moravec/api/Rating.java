package dev.moravec.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What one scorer says about one task. A scorer may abstain on either axis (or both) by leaving it
 * empty. Values are checked when the rating is made, so a rating that exists is always valid.
 *
 * @param transferability transferability in [0, 1], or empty to abstain on that axis
 * @param verificationCost verification cost in [0, 1], or empty to abstain on that axis
 * @param confidence how sure the scorer is, in [0, 1]; the host weighs each rating by it
 * @param evidence short human-readable reasons, most important first, such as
 *     {@code "'SQL' -> code, software, data and queries"}; empty only for a rating with no
 *     confidence
 * @param bottlenecks the factors that hold the task back, each at most once, strongest first by
 *     convention; empty when the scorer says nothing about them (since 1.3.0)
 * @param verification how an attempt at the task is most plausibly checked, or empty when the scorer
 *     does not say (since 1.3.0)
 * @since 1.0.0
 */
public record Rating(
        OptionalDouble transferability, OptionalDouble verificationCost, double confidence, List<String> evidence,
        List<Bottleneck> bottlenecks, Optional<VerificationMode> verification) {

    /** The longest piece of evidence accepted, in characters. */
    public static final int MAX_EVIDENCE_LENGTH = 300;

    /**
     * Checks the rating.
     *
     * @throws IllegalArgumentException if a value is NaN, infinite or outside [0, 1], a piece of
     *     evidence is blank or longer than {@link #MAX_EVIDENCE_LENGTH}, or a factor is named twice; the
     *     message names the value
     */
    public Rating {
        if (transferability == null || verificationCost == null) {
            throw new IllegalArgumentException("an axis is null: use OptionalDouble.empty() to abstain on it");
        }
        transferability.ifPresent(v -> checkUnit("transferability", v));
        verificationCost.ifPresent(v -> checkUnit("verificationCost", v));
        checkUnit("confidence", confidence);
        if (evidence == null) {
            throw new IllegalArgumentException("evidence is null: use an empty list");
        }
        evidence = List.copyOf(evidence);
        for (String reason : evidence) {
            if (reason.isBlank() || reason.length() > MAX_EVIDENCE_LENGTH) {
                throw new IllegalArgumentException(
                        "evidence must be non-blank and at most " + MAX_EVIDENCE_LENGTH + " characters: '" + reason + "'");
            }
        }
        if (bottlenecks == null || verification == null) {
            throw new IllegalArgumentException("bottlenecks or verification is null: use an empty list and Optional.empty()");
        }
        bottlenecks = List.copyOf(bottlenecks);
        Set<BottleneckFactor> named = EnumSet.noneOf(BottleneckFactor.class);
        for (Bottleneck bottleneck : bottlenecks) {
            if (!named.add(bottleneck.factor())) {
                throw new IllegalArgumentException("the factor " + bottleneck.factor() + " is named twice: give each factor once");
            }
        }
    }

    /**
     * A rating without bottleneck factors or verification mode, as version 1.2 of this contract made it.
     *
     * @param transferability transferability in [0, 1], or empty
     * @param verificationCost verification cost in [0, 1], or empty
     * @param confidence confidence in [0, 1]
     * @param evidence reasons, most important first
     */
    public Rating(OptionalDouble transferability, OptionalDouble verificationCost, double confidence,
            List<String> evidence) {
        this(transferability, verificationCost, confidence, evidence, List.of(), Optional.empty());
    }

    /**
     * This rating with the factors that hold the task back.
     *
     * @param factors the bottlenecks, each factor at most once
     * @return a copy with those bottlenecks
     * @since 1.3.0
     */
    public Rating withBottlenecks(List<Bottleneck> factors) {
        return new Rating(transferability, verificationCost, confidence, evidence, factors, verification);
    }

    /**
     * This rating with the most plausible way an attempt is checked.
     *
     * @param mode the verification mode
     * @return a copy with that mode
     * @since 1.3.0
     */
    public Rating withVerification(VerificationMode mode) {
        return new Rating(transferability, verificationCost, confidence, evidence, bottlenecks, Optional.of(mode));
    }

    /**
     * The bottleneck of one factor, if the scorer named it.
     *
     * @param factor the factor
     * @return its bottleneck
     * @since 1.3.0
     */
    public Optional<Bottleneck> bottleneck(BottleneckFactor factor) {
        return bottlenecks.stream().filter(b -> b.factor() == factor).findFirst();
    }

    private static void checkUnit(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " " + value + " is outside [0, 1]");
        }
    }

    /**
     * A rating on both axes.
     *
     * @param transferability transferability in [0, 1]
     * @param verificationCost verification cost in [0, 1]
     * @param confidence confidence in [0, 1]
     * @param evidence reasons, most important first
     * @return the rating
     */
    public static Rating of(double transferability, double verificationCost, double confidence, List<String> evidence) {
        return new Rating(OptionalDouble.of(transferability), OptionalDouble.of(verificationCost), confidence, evidence);
    }

    /**
     * A rating of transferability only; the scorer abstains on verification cost.
     *
     * @param transferability transferability in [0, 1]
     * @param confidence confidence in [0, 1]
     * @param evidence reasons, most important first
     * @return the rating
     */
    public static Rating ofTransferability(double transferability, double confidence, List<String> evidence) {
        return new Rating(OptionalDouble.of(transferability), OptionalDouble.empty(), confidence, evidence);
    }

    /**
     * A rating of verification cost only; the scorer abstains on transferability.
     *
     * @param verificationCost verification cost in [0, 1]
     * @param confidence confidence in [0, 1]
     * @param evidence reasons, most important first
     * @return the rating
     */
    public static Rating ofVerificationCost(double verificationCost, double confidence, List<String> evidence) {
        return new Rating(OptionalDouble.empty(), OptionalDouble.of(verificationCost), confidence, evidence);
    }

    /**
     * The scorer has nothing to say about the task.
     *
     * @param reason why, for example "no cue matched"
     * @return a rating with both axes empty and no confidence
     */
    public static Rating abstain(String reason) {
        return new Rating(OptionalDouble.empty(), OptionalDouble.empty(), 0.0, List.of(reason));
    }

    /**
     * The value on one axis.
     *
     * @param axis the axis
     * @return the value, or empty if the scorer abstained on it
     */
    public OptionalDouble value(Axis axis) {
        return switch (axis) {
            case TRANSFERABILITY -> transferability;
            case VERIFICATION_COST -> verificationCost;
        };
    }

    /**
     * Whether the scorer abstained: no value on either axis, no bottleneck and no verification mode.
     *
     * @return true if the rating says nothing about the task
     */
    public boolean isAbstention() {
        return transferability.isEmpty() && verificationCost.isEmpty() && bottlenecks.isEmpty() && verification.isEmpty();
    }
}
