package dev.moravec.scoring;

import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.scoring.internal.Watchdog;
import java.time.Duration;

/**
 * Asks a scorer of a long-running engine to rate one plain task, to tell whether a run of failures was
 * the scorer's doing or the tasks': a rating lifts any quarantine, a failure (or a call past the time
 * limit) quarantines the scorer until the next probe after the cool-down. Runs on an engine thread,
 * watched like every call.
 */
final class ScorerProbe implements Runnable {

    /** A task every working scorer can rate. */
    static final Task PLAIN_TASK = Task.of("probe", "Write a short report summarising the week's sales figures");

    private final ScorerHandle handle;
    private final ScoringContext context;
    private final Watchdog watchdog;
    private final long limitNanos;
    private final Duration coolDown;
    private final int quarantineAfter;
    private final Runnable addWorker;
    private final Runnable removeWorker;

    ScorerProbe(ScorerHandle handle, ScoringContext context, Watchdog watchdog, long limitNanos, Duration coolDown,
            int quarantineAfter, Runnable addWorker, Runnable removeWorker) {
        this.handle = handle;
        this.context = context;
        this.watchdog = watchdog;
        this.limitNanos = limitNanos;
        this.coolDown = coolDown;
        this.quarantineAfter = quarantineAfter;
        this.addWorker = addWorker;
        this.removeWorker = removeWorker;
    }

    @Override
    public void run() {
        Watchdog.Call call = watchdog.begin(limitNanos, () -> {
            handle.callAbandoned();
            failed("the probe took longer than the per-task time limit");
            addWorker.run();
        });
        String failure = null;
        try {
            if (handle.scorer().rate(PLAIN_TASK, context) == null) {
                failure = "the probe returned no rating (null)";
            }
        } catch (Throwable e) { // NOPMD: the probe isolates the plugin as every call does
            failure = "the probe " + ScoringEngine.describe(e);
        }
        if (!call.finish()) {
            handle.abandonedCallReturned();
            removeWorker.run();
            return;
        }
        if (failure == null) {
            handle.probeRated();
        } else {
            failed(failure);
        }
    }

    private void failed(String why) {
        handle.probeFailed("quarantined after " + quarantineAfter + " consecutive failures and a failed probe on a"
                + " plain task (" + why + "); probed again every " + (coolDown.toMillis() % 1000 == 0
                ? coolDown.toSeconds() + " s" : coolDown.toMillis() + " ms"), coolDown);
    }
}
