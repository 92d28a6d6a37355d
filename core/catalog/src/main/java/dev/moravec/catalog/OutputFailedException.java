package dev.moravec.catalog;

import java.io.IOException;
import java.io.Serial;

/**
 * Writing an output failed: the disk is full, the file cannot be written, the pipe was closed. It names
 * the output, so a user can tell it from bad input; what was written before it is whole records.
 */
public class OutputFailedException extends IOException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String output;

    /**
     * @param output the output's name: a path, or "standard output"
     * @param cause what the file system or stream said
     */
    public OutputFailedException(String output, IOException cause) {
        super("cannot write " + output + ": " + describe(cause), cause);
        this.output = output;
    }

    /** @return the output's name */
    public String output() {
        return output;
    }

    private static String describe(IOException cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
