package dev.moravec.taxonomy.index;

import java.io.Serial;
import java.time.Duration;

/**
 * A search ran past its time limit and was stopped: it reads no further. The query is to be made
 * simpler; the server answers it with 503.
 */
public final class SearchTimeoutException extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param limit the time limit it ran past
     */
    public SearchTimeoutException(Duration limit) {
        super("the search took longer than " + limit.toMillis() + " ms and was stopped: make the query simpler"
                + " (fewer wildcard*, fuzzy~ or /regular expression/ terms)", null, false, false);
    }
}
