package dev.moravec.catalog;

import java.io.IOException;
import java.io.Serial;

/**
 * An output file is being written by another Moravec run, which holds its lock: this run writes nothing
 * to it. It names the file.
 */
public final class OutputLockedException extends OutputFailedException {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param output the file's path
     */
    public OutputLockedException(String output) {
        super(output, new IOException("another moravec run is writing it (it holds the file's lock); wait for that"
                + " run to end, or write to another file"));
    }
}
