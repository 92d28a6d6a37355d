package dev.moravec.spark.internal;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.ExceptionFailure;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Stops the job at the first task whose executor cannot run the plugins ({@link PluginHostFailure}),
 * instead of letting Spark retry every task on every executor first, and keeps that failure's message for
 * the driver to show. Other failures (a lost executor, an out-of-memory task) are Spark's to retry.
 */
public final class FailFast extends SparkListener {

    private static final String FATAL = PluginHostFailure.class.getName();

    private final SparkContext context;
    private final AtomicReference<String> message = new AtomicReference<>();

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
        if (end.reason() instanceof ExceptionFailure failure && FATAL.equals(failure.className())
                && message.compareAndSet(null, failure.description())) {
            context.cancelStage(end.stageId(), "an executor cannot run the plugins: " + failure.description());
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
        for (Throwable cause = failure; cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof PluginHostFailure) {
                return Optional.of(cause.getMessage());
            }
        }
        return Optional.ofNullable(message.get());
    }
}
