package dev.moravec.evaluation;

/**
 * The headline figures of an evaluation. The keys are the names in the JSON report; they are stable.
 */
public enum Measure {
    /** ROC AUC of the reasoning score S against the positive labels. */
    AUC_SCORE("aucScore", "ROC AUC (S)"),
    /** ROC AUC of transferability T. */
    AUC_TRANSFERABILITY("aucTransferability", "ROC AUC (T)"),
    /** ROC AUC of 1 - V: cheap verification as the signal. */
    AUC_ONE_MINUS_VERIFICATION_COST("aucOneMinusVerificationCost", "ROC AUC (1-V)"),
    /** Balanced accuracy of deciding PURE_REASONING at the configured thresholds. */
    BALANCED_ACCURACY("balancedAccuracy", "Balanced accuracy"),
    /** Cohen's kappa of deciding PURE_REASONING at the configured thresholds. */
    KAPPA("kappa", "Cohen's kappa"),
    /** Spearman correlation of occupation scores with the occupations' mean labels. */
    OCCUPATION_SPEARMAN("occupationSpearman", "Spearman (occupations)"),
    /** Pearson correlation of occupation scores with the occupations' mean labels. */
    OCCUPATION_PEARSON("occupationPearson", "Pearson (occupations)");

    private final String key;
    private final String label;

    Measure(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** @return the name in the JSON report */
    public String key() {
        return key;
    }

    /** @return the name in tables */
    public String label() {
        return label;
    }

    /** @return whether the figure is computed over occupations (resampled by occupation) */
    public boolean isOccupationLevel() {
        return this == OCCUPATION_SPEARMAN || this == OCCUPATION_PEARSON;
    }
}
