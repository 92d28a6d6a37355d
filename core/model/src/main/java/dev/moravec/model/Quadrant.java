package dev.moravec.model;

/**
 * Where a task falls on the two axes (DESIGN section 1), with {@link #UNRATED} for a task no active
 * scorer could rate on both axes.
 */
public enum Quadrant {
    /** High transferability, cheap verification: automated first. */
    PURE_REASONING,
    /** High transferability, costly verification: the knowledge is there, checking needs judgment or real outcomes. */
    VERIFICATION_BOUND,
    /** Low transferability, cheap verification: checkable, but the know-how is not in text. */
    KNOWLEDGE_BOUND,
    /** Low transferability, costly verification: embodied or tacit and hard to check; lags most. */
    LAGGING,
    /** No scorer rated the task on one axis or both. */
    UNRATED;

    /**
     * The quadrant of a rated task.
     *
     * @param transferability T in [0, 1]
     * @param verificationCost V in [0, 1]
     * @param thresholds where each axis is split
     * @return one of the four rated quadrants
     */
    public static Quadrant of(double transferability, double verificationCost, Thresholds thresholds) {
        boolean transferable = transferability >= thresholds.transferability();
        boolean cheapToVerify = verificationCost <= thresholds.verificationCost();
        if (transferable) {
            return cheapToVerify ? PURE_REASONING : VERIFICATION_BOUND;
        }
        return cheapToVerify ? KNOWLEDGE_BOUND : LAGGING;
    }

    /**
     * What the quadrant means for a task, in one line, as {@code explain} shows it.
     *
     * @return the meaning
     */
    public String meaning() {
        return switch (this) {
            case PURE_REASONING -> "the know-how is in text and an attempt is cheap to check: automated first";
            case VERIFICATION_BOUND -> "the know-how is in text, but checking an attempt needs judgment or real outcomes";
            case KNOWLEDGE_BOUND -> "an attempt is cheap to check, but the know-how is tacit or physical";
            case LAGGING -> "embodied or tacit, and costly to check: lags automation most";
            case UNRATED -> "no active scorer could rate this task on both axes";
        };
    }
}
