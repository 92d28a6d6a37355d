package dev.moravec.model;

/** What became of one scorer's attempt to rate one task. A failure is a status, never a low score. */
public enum RatingStatus {
    /** The scorer rated the task on at least one axis. */
    OK,
    /** The scorer had nothing to say about the task. */
    ABSTAINED,
    /** The scorer threw, or returned no rating, an invalid one or one on an axis it does not declare. */
    FAILED,
    /** The scorer ran past the per-task time limit; the host stopped waiting for it. */
    TIMED_OUT,
    /** The scorer was not asked: it is quarantined after too many consecutive failures. */
    QUARANTINED;

    /**
     * Whether this status counts as a failure of the scorer.
     *
     * @return true for {@link #FAILED} and {@link #TIMED_OUT}
     */
    public boolean isFailure() {
        return this == FAILED || this == TIMED_OUT;
    }
}
