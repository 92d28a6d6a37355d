package dev.moravec.spark.internal;

/**
 * A Spark job that did not finish: its executors could not run the plugins (the message is the plugin
 * host's), or Spark gave up after its retries (the message is the root cause's first line).
 */
public final class JobFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean plugins;

    /**
     * @param message what failed
     * @param plugins whether the executors could not run the plugins
     * @param cause Spark's exception, for {@code --verbose}
     */
    public JobFailedException(String message, boolean plugins, Throwable cause) {
        super(message, cause);
        this.plugins = plugins;
    }

    /** @return whether the executors could not run the plugins */
    public boolean plugins() {
        return plugins;
    }
}
