package dev.moravec.catalog;

import dev.moravec.model.Verdict;
import java.io.Closeable;
import java.io.IOException;

/**
 * Writes one output record per classified task. Not thread-safe. The writer owns its stream: closing
 * it flushes and closes the stream (standard output is flushed, not closed).
 */
public interface VerdictWriter extends Closeable {

    /**
     * Writes one task's record.
     *
     * @param record the input record, its occupation title filled in where known
     * @param verdict the task's verdict
     * @throws IOException if writing fails
     */
    void write(CatalogRecord record, Verdict verdict) throws IOException;
}
