package dev.moravec.model;

import dev.moravec.api.Rating;
import java.util.Objects;
import java.util.Optional;

/**
 * One scorer's result for one task: its rating when it gave one, otherwise the reason it did not.
 *
 * @param scorer the scorer's id
 * @param version the scorer's version
 * @param status what happened
 * @param rating the rating for {@link RatingStatus#OK} and {@link RatingStatus#ABSTAINED}, else {@code null}
 * @param reason why the scorer failed or was not asked, else {@code null}
 */
public record ScorerOutcome(String scorer, String version, RatingStatus status, Rating rating, String reason) {

    /**
     * Checks that a rating comes with a rating status and a reason with every other.
     *
     * @throws IllegalArgumentException if rating and status disagree
     */
    public ScorerOutcome {
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(status, "status");
        boolean rated = status == RatingStatus.OK || status == RatingStatus.ABSTAINED;
        if (rated != (rating != null)) {
            throw new IllegalArgumentException(status + " outcome " + (rated ? "needs" : "cannot have") + " a rating");
        }
        if (!rated && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException(status + " outcome needs a reason");
        }
    }

    /**
     * An outcome for a rating the scorer returned.
     *
     * @param scorer the scorer's id
     * @param version its version
     * @param rating the rating
     * @return an {@link RatingStatus#OK} or {@link RatingStatus#ABSTAINED} outcome
     */
    public static ScorerOutcome rated(String scorer, String version, Rating rating) {
        RatingStatus status = rating.isAbstention() ? RatingStatus.ABSTAINED : RatingStatus.OK;
        return new ScorerOutcome(scorer, version, status, rating, null);
    }

    /**
     * An outcome without a rating.
     *
     * @param scorer the scorer's id
     * @param version its version
     * @param status a failure or {@link RatingStatus#QUARANTINED}
     * @param reason why
     * @return the outcome
     */
    public static ScorerOutcome unrated(String scorer, String version, RatingStatus status, String reason) {
        return new ScorerOutcome(scorer, version, status, null, reason);
    }

    /**
     * The rating, if the scorer gave one.
     *
     * @return the rating
     */
    public Optional<Rating> ratingIfAny() {
        return Optional.ofNullable(rating);
    }
}
