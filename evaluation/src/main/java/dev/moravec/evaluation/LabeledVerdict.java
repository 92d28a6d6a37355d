package dev.moravec.evaluation;

import dev.moravec.model.Verdict;

/**
 * A labelled task joined to Moravec's verdict on it.
 *
 * @param label the label and what the label file says about the task
 * @param verdict the verdict, with every scorer's outcome
 */
public record LabeledVerdict(LabeledTask label, Verdict verdict) {

    /** @return the occupation the task counts for: the label file's, else the verdict's task's, else {@code null} */
    public String occupationCode() {
        return label.occupationCode() != null ? label.occupationCode() : verdict.task().occupationCode();
    }
}
