package dev.moravec.spark.internal;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Stops the job at the first task whose executor cannot run the plugins ({@link PluginHostFailure}) or that
 * met a bad record with {@code --on-error fail} ({@link BadRecordFailure}), instead of letting Spark retry
 * it on every executor first, and keeps that failure's message for the driver to show. Other failures (a
 * lost executor, an out-of-memory task) are Spark's to retry.
 */
public final class FailFast extends SparkListener {

    private static final Set<String> FATAL = Set.of(PluginHostFailure.class.getName(), BadRecordFailure.class.getName());

    /** A failure that stopped the job: the exception's class name and its message. */
    private record Fatal(String className, String message) {}

    private final SparkContext context;
    private final AtomicReference<Fatal> fatal = new AtomicReference<>();

    private FailFast(SparkContext context) {
        this.context = context;
    }

    /**
     * @param context the job's context
     * @return the listener, registered
     */
    public static FailFast install(SparkContext context) {
        FailFast listener = new FailFast(context);
        context.addSparkListener(listener);
        return listener;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() instanceof ExceptionFailure failure && FATAL.contains(failure.className())
                && fatal.compareAndSet(null, new Fatal(failure.className(), failure.description()))) {
            context.cancelStage(end.stageId(), failure.description());
        }
    }

    /**
     * The plugin host's message behind a failed job: kept by this listener, or found among the failure's
     * causes (Spark gives the executor's exception as the cause when it ends a job itself).
     *
     * @param failure what the job failed with
     * @return the message, or empty when the job failed for another reason
     */
    public Optional<String> pluginHostMessage(Throwable failure) {
        return message(failure, PluginHostFailure.class);
    }

    /**
     * The bad record behind a failed job, as {@link #pluginHostMessage} finds the plugin host's message.
     *
     * @param failure what the job failed with
     * @return the rejection's message, or empty when the job failed for another reason
     */
    public Optional<String> badRecordMessage(Throwable failure) {
        return message(failure, BadRecordFailure.class);
    }

    private Optional<String> message(Throwable failure, Class<? extends RuntimeException> kind) {
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return Optional.of(cause.getMessage());
            }
        }
        Fatal kept = fatal.get();
        return kept != null && kept.className().equals(kind.getName()) ? Optional.of(kept.message()) : Optional.empty();
    }
}
