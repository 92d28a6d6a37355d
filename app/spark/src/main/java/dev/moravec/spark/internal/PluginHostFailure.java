package dev.moravec.spark.internal;

/**
 * Why an executor cannot rate: its plugin host did not start, or did not run every plugin the driver
 * shipped. The driver stops the job at the first one (see {@link FailFast}) and shows this message. It
 * carries no stack trace, since the message is the whole story and Spark logs every failed task.
 */
public final class PluginHostFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, where, and what to do
     */
    public PluginHostFailure(String message) {
        super(message, null, false, false);
    }
}
