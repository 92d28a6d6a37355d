package dev.moravec.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns the recognised values of one input record into a task, or a rejection naming the field. A record
 * without an id column takes its line number as its id; where the line is not known (a reader that
 * splits a file, as Spark does), such a record is rejected instead.
 */
final class RecordBuilder {

    private final Map<Column, String> headers;
    private final boolean hasId;
    private final OccupationCodes codes;

    /**
     * @param headers each recognised column with the name the input gives it
     * @param codes maps occupation codes from another classification, or {@code null}
     */
    RecordBuilder(Map<Column, String> headers, OccupationCodes codes) {
        this.codes = codes;
        this.headers = headers;
        this.hasId = headers.containsKey(Column.ID);
    }

    /**
     * Builds one record.
     *
     * @param source the input's name
     * @param line the line where it starts, from 1; 0 when it is not known
     * @param values the recognised values; missing or {@code null} where the record has none
     * @param fields the other values, carried through
     * @param raw the record as read
     * @return the record or its rejection
     */
    CatalogEntry build(String source, long line, EnumMap<Column, String> values, ObjectNode fields, String raw) {
        if (!hasId && line < 1) {
            return reject(source, line, Column.ID, "the record has no id and its line is not known; give every task an"
                    + " id", raw);
        }
        String id = hasId ? values.get(Column.ID) : Long.toString(line);
        if (id == null || id.isBlank()) {
            return reject(source, line, Column.ID, "the task id is empty; give every task an id", raw);
        }
        String statement = values.get(Column.STATEMENT);
        if (statement == null || statement.isBlank()) {
            return reject(source, line, Column.STATEMENT, "the task statement is empty", raw);
        }
        String code = blankToNull(values.get(Column.OCCUPATION_CODE));
        if (codes != null && code != null) {
            OccupationCodes.Mapped mapped = codes.map(code);
            fields.put("occupationGiven", code);
            fields.put("occupationMapping", mapped.note());
            code = mapped.code();
        }
        TaskType type;
        try {
            type = TaskType.parse(values.get(Column.TASK_TYPE)).orElse(null);
        } catch (IllegalArgumentException e) {
            return reject(source, line, Column.TASK_TYPE, e.getMessage(), raw);
        }
        OptionalDouble importance;
        OptionalDouble relevance;
        OptionalDouble frequency;
        try {
            importance = number(Column.IMPORTANCE, values);
            relevance = number(Column.RELEVANCE, values);
            frequency = number(Column.FREQUENCY, values);
        } catch (BadValue e) {
            return reject(source, line, e.column, e.getMessage(), raw);
        }
        TaskWeights weights;
        try {
            weights = new TaskWeights(importance, relevance, frequency);
        } catch (IllegalArgumentException e) {
            Column column = e.getMessage().startsWith("importance") ? Column.IMPORTANCE
                    : e.getMessage().startsWith("relevance") ? Column.RELEVANCE : Column.FREQUENCY;
            return reject(source, line, column, e.getMessage(), raw);
        }
        try {
            Task task = new Task(id, statement, code, type, weights);
            return new CatalogRecord(source, line, task, blankToNull(values.get(Column.OCCUPATION_TITLE)), fields);
        } catch (IllegalArgumentException e) {
            return reject(source, line, Column.OCCUPATION_CODE, e.getMessage(), raw);
        }
    }

    private Rejection reject(String source, long line, Column column, String reason, String raw) {
        return new Rejection(source, line, headers.getOrDefault(column, column.label()), reason, raw);
    }

    private OptionalDouble number(Column column, Map<Column, String> values) throws BadValue {
        String text = blankToNull(values.get(column));
        if (text == null) {
            return OptionalDouble.empty();
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(value);
        } catch (NumberFormatException e) {
            throw new BadValue(column, dev.moravec.model.Quoted.of(text) + " is not a number");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static final class BadValue extends Exception {
        private static final long serialVersionUID = 1L;
        final transient Column column;

        BadValue(Column column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
