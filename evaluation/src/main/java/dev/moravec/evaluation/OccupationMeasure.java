package dev.moravec.evaluation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A published occupation-level measure read from a file, to compare Moravec's scores with: one value per
 * occupation code (the mean of the file's rows for that code), and every row that could not be read.
 *
 * @param name what to call the measure
 * @param source the file's name
 * @param codeColumn the column the codes were read from
 * @param valueColumn the column the values were read from
 * @param scale how the values read: {@code numeric}, or a label scale such as {@code E0/E1/E2} with its mapping
 * @param rows the data rows read
 * @param values each code's value, in the order the codes first appear
 * @param badRows the rows without a usable code or value, each with where it is and why
 */
public record OccupationMeasure(String name, String source, String codeColumn, String valueColumn, String scale, long rows,
        Map<String, Value> values, List<BadRow> badRows) {

    /** Copies the collections. */
    public OccupationMeasure {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        badRows = List.copyOf(badRows);
    }

    /**
     * One code's value.
     *
     * @param value the mean of its rows' values
     * @param rows how many rows gave it
     * @param line the line of its first row
     */
    public record Value(double value, int rows, long line) {}

    /**
     * A row that could not be used.
     *
     * @param where the file and line, {@code file:line}
     * @param reason why, with the field
     */
    public record BadRow(String where, String reason) {}
}
