package dev.moravec.catalog;

import dev.moravec.model.BadInputException;
import java.io.Closeable;
import java.io.IOException;

/**
 * Reads one catalog record by record, so that catalogs of any size stream through in bounded memory.
 * Not thread-safe.
 */
public interface CatalogReader extends Closeable {

    /**
     * The next record, or the rejection of a record that cannot be read.
     *
     * @return the entry, or {@code null} at the end of the input
     * @throws IOException if reading fails
     * @throws BadInputException if the input cannot be read any further (no header, a broken quote
     *     or JSON document); the message names file and line
     */
    CatalogEntry next() throws IOException, BadInputException;

    /** @return the number of bytes read from the input so far (compressed bytes for gzip) */
    long bytesRead();
}
