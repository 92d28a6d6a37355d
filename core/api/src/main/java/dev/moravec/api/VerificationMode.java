package dev.moravec.api;

/**
 * How an attempt at a task is checked (DESIGN section 1), from cheapest to costliest. Checks by a
 * program and checks by a careful reader (another model can judge the quality reliably) both count as
 * cheap; real-world outcomes, physical inspection and taste are costly.
 *
 * @since 1.3.0
 */
public enum VerificationMode {
    /** Tests, a proof checker, recomputation, a schema, a reconciliation: a program checks it at once. */
    PROGRAM_CHECK(0.1, "a program checks it: tests, a proof checker, recomputation, a schema"),
    /** A careful reader (or model) sees whether it is right: arguments, derivations, memos, translations. */
    READER_EVIDENT(0.25, "its quality is evident to a careful reader: arguments, derivations, memos, translations"),
    /** An expert judges it, and the world answers soon, as a test confirms a diagnosis. */
    EXPERT_QUICK(0.5, "an expert judges it and the world answers soon"),
    /** Only real-world outcomes show it, slowly or rarely: experiments, strategy, policy, teaching. */
    SLOW_OUTCOME(0.8, "only slow or rare real-world outcomes show it"),
    /** Someone has to look at, measure or try the physical result. */
    PHYSICAL_CHECK(0.8, "someone has to look at, measure or try the physical result"),
    /** Human taste without consensus: keyframes, style, mood. */
    TASTE(0.85, "human taste without consensus judges it");

    private final double typicalCost;
    private final String meaning;

    VerificationMode(double typicalCost, String meaning) {
        this.typicalCost = typicalCost;
        this.meaning = meaning;
    }

    /**
     * The verification cost typical of this mode, in [0, 1]: a scorer's anchor for V when the mode is
     * all it knows.
     *
     * @return the typical cost
     */
    public double typicalCost() {
        return typicalCost;
    }

    /**
     * How an attempt is checked, in a few words, as reports show it.
     *
     * @return the meaning
     */
    public String meaning() {
        return meaning;
    }
}
