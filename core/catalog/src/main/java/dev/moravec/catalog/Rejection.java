package dev.moravec.catalog;

import dev.moravec.model.Quoted;

/**
 * An input record that cannot be classified, and why.
 *
 * @param source the input's name
 * @param line the line where the record starts
 * @param field the field at fault, as the input names it, or {@code null} when the whole record is
 * @param reason what is wrong and what to do
 * @param raw the record as read, for the rejects file
 */
public record Rejection(String source, long line, String field, String reason, String raw) implements CatalogEntry {

    /**
     * The rejection as one line: file, line, field and reason.
     *
     * @return for example {@code tasks.csv:12: field 'Task': statement is empty}
     */
    public String message() {
        return source + ":" + line + ": " + (field == null ? "" : "field '" + Quoted.plain(field) + "': ") + reason;
    }
}
