package dev.moravec.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Task;
import java.util.Optional;
import java.util.function.Function;

/**
 * One task read from a catalog, with what the input said beyond the task.
 *
 * @param source the input's name
 * @param line the line where the record starts
 * @param task the task
 * @param occupationTitle the occupation's title as the input gives it, or {@code null}
 * @param fields the input's other columns or keys, carried through to the output untouched
 */
public record CatalogRecord(String source, long line, Task task, String occupationTitle, ObjectNode fields)
        implements CatalogEntry {

    /**
     * This record with its occupation's title looked up, where the input gives a code but no title.
     *
     * @param titles an occupation's title by its code
     * @return this record, or a copy with the title found
     */
    public CatalogRecord withTitleFrom(Function<String, Optional<String>> titles) {
        String code = task.occupationCode();
        if (occupationTitle != null || code == null) {
            return this;
        }
        return titles.apply(code).map(title -> new CatalogRecord(source, line, task, title, fields)).orElse(this);
    }
}
