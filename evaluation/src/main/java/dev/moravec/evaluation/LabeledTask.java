package dev.moravec.evaluation;

import dev.moravec.api.TaskType;

/**
 * One task with its reference label, as a label file gives it.
 *
 * @param line the line of the label file where the record starts
 * @param id the task id, or {@code null} when the file gives none
 * @param statement the task statement, or {@code null} when the file gives none
 * @param occupationCode the O*NET-SOC or SOC code, or {@code null}
 * @param occupationTitle the occupation's title, or {@code null}
 * @param type core or supplemental, or {@code null} when unknown
 * @param label the label, spelled canonically on its scale ({@code E1}, {@code yes}, {@code 0.5})
 * @param value the number the label stands for in an occupation's mean label
 * @param positive whether the label is one of the positive values
 */
public record LabeledTask(long line, String id, String statement, String occupationCode, String occupationTitle,
        TaskType type, String label, double value, boolean positive) {

    /**
     * How much the task counts in its occupation's mean label: core tasks 2, supplemental and
     * unknown ones 1, as for occupation scores without O*NET task ratings.
     *
     * @return 2 or 1
     */
    public double weight() {
        return type == TaskType.CORE ? 2.0 : 1.0;
    }
}
