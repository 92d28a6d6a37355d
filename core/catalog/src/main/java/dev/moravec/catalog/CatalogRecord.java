package dev.moravec.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.api.Task;

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
        implements CatalogEntry {}
