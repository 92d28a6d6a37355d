package dev.moravec.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * An analyst's correction of a rating, applied after the scorers: it sets a task's (or each task of an
 * occupation's) transferability and/or verification cost, or moves it into a quadrant, with why, who
 * and when. The scorers' verdict is kept beside it; {@link #apply} gives the scores that rankings use.
 *
 * <p>A quadrant moves only the axes on the wrong side of their threshold, each to the middle of the
 * quadrant's side of that axis (with the thresholds 0.5 / 0.5: T to 0.75 or 0.25, V to 0.25 or 0.75);
 * an axis already on the quadrant's side keeps its value.
 *
 * @param occupation the O*NET-SOC code of the occupation (of the task's occupation for a task)
 * @param taskId the task's id within the occupation, or {@code null} for every task of the occupation
 * @param transferability the T to set, or empty to keep the scorers'
 * @param verificationCost the V to set, or empty to keep the scorers'
 * @param quadrant the quadrant to move into, or {@code null}; never together with T or V
 * @param reason why, in the analyst's words
 * @param author who decided it
 * @param date when it was decided
 */
public record AnalystOverride(String occupation, String taskId, OptionalDouble transferability,
        OptionalDouble verificationCost, Quadrant quadrant, String reason, String author, LocalDate date) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a field is missing or out of range; the message names the field
     */
    public AnalystOverride {
        Objects.requireNonNull(transferability, "transferability");
        Objects.requireNonNull(verificationCost, "verificationCost");
        if (occupation == null || !OccupationCode.isOnetSoc(occupation)) {
            throw new IllegalArgumentException("occupation '" + occupation + "' is not an O*NET-SOC code (##-####.##)");
        }
        if (taskId != null && taskId.isBlank()) {
            throw new IllegalArgumentException("task id is blank: leave it out to override every task of the occupation");
        }
        check("transferability", transferability);
        check("verificationCost", verificationCost);
        if (quadrant == Quadrant.UNRATED) {
            throw new IllegalArgumentException("quadrant UNRATED cannot be set: give PURE_REASONING, VERIFICATION_BOUND,"
                    + " KNOWLEDGE_BOUND or LAGGING");
        }
        boolean values = transferability.isPresent() || verificationCost.isPresent();
        if (values == (quadrant != null)) {
            throw new IllegalArgumentException(values ? "give transferability and/or verificationCost, or a quadrant, not both"
                    : "nothing to override: give transferability and/or verificationCost, or a quadrant");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("reason is missing: say why the rating is overridden");
        }
        if (author == null || author.isBlank()) {
            throw new IllegalArgumentException("author is missing: say who decided the override");
        }
        Objects.requireNonNull(date, "date");
    }

    private static void check(String field, OptionalDouble value) {
        if (value.isPresent() && !(value.getAsDouble() >= 0 && value.getAsDouble() <= 1)) {
            throw new IllegalArgumentException(field + " " + value.getAsDouble() + " is outside [0, 1]");
        }
    }

    /** @return whether it overrides one task, rather than every task of an occupation */
    public boolean isForTask() {
        return taskId != null;
    }

    /** @return what it overrides, as messages and the audit log name it: {@code 15-1252.00 task 16363} or {@code 15-1252.00} */
    public String target() {
        return target(occupation, taskId);
    }

    /**
     * Names a target as {@link #target()} does.
     *
     * @param occupation the occupation's code
     * @param taskId the task's id, or {@code null}
     * @return the name
     */
    public static String target(String occupation, String taskId) {
        return taskId == null ? occupation : occupation + " task " + taskId;
    }

    /**
     * The scores a task gets: the overridden axes set, the others kept, S and the quadrant following.
     *
     * @param scorers the task's scores as the scorers gave them
     * @param thresholds where the quadrants are split
     * @return the scores after the override
     */
    public Scores apply(Scores scorers, Thresholds thresholds) {
        OptionalDouble t = transferability.isPresent() ? transferability : scorers.transferability();
        OptionalDouble v = verificationCost.isPresent() ? verificationCost : scorers.verificationCost();
        if (quadrant != null) {
            boolean transferable = quadrant == Quadrant.PURE_REASONING || quadrant == Quadrant.VERIFICATION_BOUND;
            boolean cheap = quadrant == Quadrant.PURE_REASONING || quadrant == Quadrant.KNOWLEDGE_BOUND;
            double tt = thresholds.transferability();
            double tv = thresholds.verificationCost();
            if (t.isEmpty() || (t.getAsDouble() >= tt) != transferable) {
                t = OptionalDouble.of(transferable ? (1 + tt) / 2 : tt / 2);
            }
            if (v.isEmpty() || (v.getAsDouble() <= tv) != cheap) {
                v = OptionalDouble.of(cheap ? tv / 2 : (1 + tv) / 2);
            }
        }
        return Scores.of(t, v, thresholds);
    }
}
