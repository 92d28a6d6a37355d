package dev.moravec.api;

import java.util.List;
import java.util.Objects;

/**
 * One factor that holds a task back, as a scorer sees it: how strongly, and why.
 *
 * @param factor the factor
 * @param strength how strongly it holds the task back, in [0, 1]
 * @param evidence short human-readable reasons, most important first; at least one
 * @since 1.3.0
 */
public record Bottleneck(BottleneckFactor factor, double strength, List<String> evidence) {

    /**
     * Checks the bottleneck.
     *
     * @throws IllegalArgumentException if the factor is missing, the strength is outside [0, 1], or the
     *     evidence is empty, blank or longer than {@link Rating#MAX_EVIDENCE_LENGTH}
     */
    public Bottleneck {
        Objects.requireNonNull(factor, "factor");
        if (!(strength >= 0.0 && strength <= 1.0)) {
            throw new IllegalArgumentException("the strength of " + factor + " " + strength + " is outside [0, 1]");
        }
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
        if (evidence.isEmpty()) {
            throw new IllegalArgumentException("a bottleneck needs evidence: say what raised " + factor);
        }
        for (String reason : evidence) {
            if (reason.isBlank() || reason.length() > Rating.MAX_EVIDENCE_LENGTH) {
                throw new IllegalArgumentException("evidence must be non-blank and at most " + Rating.MAX_EVIDENCE_LENGTH
                        + " characters: '" + reason + "'");
            }
        }
    }

    /**
     * A bottleneck with one piece of evidence.
     *
     * @param factor the factor
     * @param strength its strength in [0, 1]
     * @param evidence why
     * @return the bottleneck
     */
    public static Bottleneck of(BottleneckFactor factor, double strength, String evidence) {
        return new Bottleneck(factor, strength, List.of(evidence));
    }
}
