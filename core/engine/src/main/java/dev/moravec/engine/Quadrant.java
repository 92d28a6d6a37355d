package dev.moravec.engine;

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
}
