package dev.moravec.host;

import java.io.Serial;

/**
 * The plugin host cannot run: the OSGi framework or one of its runtime bundles failed to start. The
 * message says what failed and what to do; a single bad plugin never causes this.
 */
public class PluginHostException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed and what to do
     * @param cause the underlying exception, or {@code null}
     */
    public PluginHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
