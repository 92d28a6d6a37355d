package dev.moravec.spark.internal;

/**
 * A bad record met with {@code --on-error fail}: the task stops at it and the driver stops the job at the
 * first one (see {@link FailFast}), showing this message: the file, line, field and reason. It carries no
 * stack trace, since the message is the whole story.
 */
public final class BadRecordFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the rejection, as {@code classify} words it
     */
    public BadRecordFailure(String message) {
        super(message, null, false, false);
    }
}
