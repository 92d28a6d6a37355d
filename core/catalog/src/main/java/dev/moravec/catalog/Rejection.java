package dev.moravec.catalog;

import dev.moravec.model.Quoted;

/**
 * An input record that cannot be classified, and why.
 *
 * @param source the input's name
 * @param line the line where the record starts, from 1; 0 when the reader does not know it (Spark reads a
 *     file in parts)
 * @param field the field at fault, as the input names it, or {@code null} when the whole record is
 * @param reason what is wrong and what to do
 * @param raw the record as read, for the rejects file
 */
public record Rejection(String source, long line, String field, String reason, String raw) implements CatalogEntry {

    /**
     * The rejection as one line: file, line, field and reason.
     *
     * @return for example {@code tasks.csv:12: field 'Task': statement is empty}; without the line when it is
     *     not known
     */
    public String message() {
        return source + (line > 0 ? ":" + line : "") + ": " + (field == null ? "" : "field '" + Quoted.plain(field) + "': ")
                + reason;
    }
}
