package dev.moravec.model;

import java.io.Serial;

/**
 * Input a user supplied (a catalog, a configuration file) is wrong. The message says what is wrong,
 * where (file, line, field) and what to do about it, and is shown as it is.
 */
public class BadInputException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what, where and what to do
     */
    public BadInputException(String message) {
        super(message);
    }

    /**
     * @param message what, where and what to do
     * @param cause the underlying exception
     */
    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
