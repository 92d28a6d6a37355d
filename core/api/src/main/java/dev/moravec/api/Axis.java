package dev.moravec.api;

/**
 * The two axes on which Moravec rates a task. Both run from 0 to 1.
 *
 * @since 1.0.0
 */
public enum Axis {
    /**
     * How much of what the task needs is already in text that language models are pre-trained on:
     * 0 for tacit, embodied, local or physical know-how; 1 when the knowledge and the procedure are
     * written down abundantly and inputs and outputs are text, numbers or code.
     */
    TRANSFERABILITY("transferability"),

    /**
     * How costly it is to check that an attempt at the task succeeded: 0 when a program checks it at
     * once (tests pass, numbers recompute); 1 when checking needs the physical world, slow or rare
     * real-world outcomes, an expert's taste or long time horizons.
     */
    VERIFICATION_COST("verificationCost");

    private final String fieldName;

    Axis(String fieldName) {
        this.fieldName = fieldName;
    }

    /**
     * The name of this axis in output records and configuration files.
     *
     * @return {@code transferability} or {@code verificationCost}
     */
    public String fieldName() {
        return fieldName;
    }
}
