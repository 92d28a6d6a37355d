package dev.moravec.server.internal;

/** A request the API refuses, with the HTTP status and a message the client can act on. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status
     * @param message what is wrong and what to do
     */
    public ApiException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** @return the HTTP status */
    public int status() {
        return status;
    }
}
