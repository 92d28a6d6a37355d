package dev.moravec.evaluation;

import java.util.List;
import java.util.Objects;

/**
 * The labelled tasks of one label file.
 *
 * @param source the file's name, for reports
 * @param column the label column, as the file names it
 * @param scale how the labels read
 * @param positiveValues the values counted as positive, canonically spelled ({@code > 0} for the
 *     numeric default)
 * @param tasks the labelled tasks, in file order
 */
public record LabelSet(String source, String column, LabelScale scale, List<String> positiveValues,
        List<LabeledTask> tasks) {

    /** Copies the lists. */
    public LabelSet {
        Objects.requireNonNull(scale, "scale");
        positiveValues = List.copyOf(positiveValues);
        tasks = List.copyOf(tasks);
    }

    /** @return the number of positive labels */
    public int positives() {
        int n = 0;
        for (LabeledTask task : tasks) {
            n += task.positive() ? 1 : 0;
        }
        return n;
    }

    /** @return the number of distinct occupation codes among the labelled tasks */
    public long occupations() {
        return tasks.stream().map(LabeledTask::occupationCode).filter(Objects::nonNull).distinct().count();
    }
}
