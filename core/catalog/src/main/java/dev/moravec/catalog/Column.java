package dev.moravec.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The input columns (or JSON keys) Moravec understands. Names are matched ignoring case, spaces and
 * punctuation, so {@code Task ID}, {@code task_id} and {@code taskId} are the same. Any other column
 * is carried through to the output under {@code fields}.
 */
public enum Column {
    /** The task's id: {@code id}, {@code task id}. */
    ID("id", "id", "taskid"),
    /** The task statement: {@code task}, {@code statement}, {@code task statement}. */
    STATEMENT("statement", "task", "statement", "taskstatement"),
    /** The occupation's code: {@code O*NET-SOC Code}, {@code occupation code}, {@code SOC code}. */
    OCCUPATION_CODE("occupation code", "onetsoccode", "occupationcode", "soccode"),
    /** The occupation's title: {@code title}, {@code occupation title}. */
    OCCUPATION_TITLE("occupation title", "title", "occupationtitle"),
    /** Core or supplemental: {@code task type}, {@code type}. */
    TASK_TYPE("task type", "tasktype", "type"),
    /** O*NET importance, 1 to 5. */
    IMPORTANCE("importance", "importance"),
    /** O*NET relevance, 0 to 100. */
    RELEVANCE("relevance", "relevance"),
    /** O*NET frequency, 1 to 7. */
    FREQUENCY("frequency", "frequency");

    private static final Map<String, Column> BY_NAME;

    static {
        java.util.HashMap<String, Column> names = new java.util.HashMap<>();
        for (Column column : values()) {
            for (String name : column.names) {
                names.put(name, column);
            }
        }
        BY_NAME = Map.copyOf(names);
    }

    private final String label;
    private final String[] names;

    Column(String label, String... names) {
        this.label = label;
        this.names = names;
    }

    /** @return how messages name this column */
    public String label() {
        return label;
    }

    /**
     * The column a header name stands for.
     *
     * @param header the name as the input writes it
     * @return the column, or empty for a column Moravec carries through
     */
    public static Optional<Column> recognise(String header) {
        return Optional.ofNullable(BY_NAME.get(normalise(header)));
    }

    /**
     * A column name reduced to its letters and digits, lower case, so {@code SOC Code} and {@code soc_code} match.
     *
     * @param header a column name
     * @return its letters and digits
     */
    public static String normalise(String header) {
        StringBuilder name = new StringBuilder(header.length());
        for (char c : header.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                name.append(c);
            }
        }
        return name.toString();
    }
}
