package dev.moravec.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One statement of work, the unit Moravec rates.
 *
 * @param id the task's identifier, unique within its catalog (O*NET's Task ID where it comes from O*NET)
 * @param statement the task statement, for example "Write SQL queries to extract sales data"
 * @param occupationCode the O*NET-SOC code ({@code ##-####.##}) or SOC code ({@code ##-####}) of the
 *     occupation the task belongs to, or {@code null} when the catalog does not say
 * @param type core or supplemental, or {@code null} when unknown
 * @param weights importance, relevance and frequency where known; never {@code null}
 * @since 1.0.0
 */
public record Task(String id, String statement, String occupationCode, TaskType type, TaskWeights weights) {

    private static final Pattern OCCUPATION_CODE = Pattern.compile("\\d{2}-\\d{4}(\\.\\d{2})?");

    /**
     * Checks the task.
     *
     * @throws IllegalArgumentException if the id or statement is blank, or the occupation code is not a
     *     SOC or O*NET-SOC code; the message names the field
     */
    public Task {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is empty: every task needs an identifier");
        }
        if (statement == null || statement.isBlank()) {
            throw new IllegalArgumentException("statement is empty: every task needs a task statement");
        }
        if (occupationCode != null && !OCCUPATION_CODE.matcher(occupationCode).matches()) {
            throw new IllegalArgumentException("occupation code '" + occupationCode
                    + "' is not an O*NET-SOC code (##-####.##) or SOC code (##-####)");
        }
        id = id.strip();
        statement = statement.strip();
        weights = Objects.requireNonNull(weights, "weights: use TaskWeights.NONE when unknown");
    }

    /**
     * A task with only an id and a statement.
     *
     * @param id the task's identifier
     * @param statement the task statement
     * @return the task
     */
    public static Task of(String id, String statement) {
        return new Task(id, statement, null, null, TaskWeights.NONE);
    }

    /**
     * The occupation code, if the catalog gave one.
     *
     * @return the O*NET-SOC or SOC code
     */
    public Optional<String> occupation() {
        return Optional.ofNullable(occupationCode);
    }

    /**
     * The task type, if the catalog gave one.
     *
     * @return core or supplemental
     */
    public Optional<TaskType> taskType() {
        return Optional.ofNullable(type);
    }
}
