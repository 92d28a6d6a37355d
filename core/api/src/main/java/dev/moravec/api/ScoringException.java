package dev.moravec.api;

import java.io.Serial;

/**
 * A scorer could not rate a task. The host records the rating as failed with this message and goes
 * on with the next task; the message should say what went wrong in words a user can act on.
 *
 * @since 1.0.0
 */
public class ScoringException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * A failure with a message.
     *
     * @param message what went wrong
     */
    public ScoringException(String message) {
        super(message);
    }

    /**
     * A failure caused by another exception.
     *
     * @param message what went wrong
     * @param cause the underlying exception
     */
    public ScoringException(String message, Throwable cause) {
        super(message, cause);
    }
}
