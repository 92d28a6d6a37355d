package dev.moravec.testing.plugins.spinning;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A hostile test plugin: on a task that says "spin" it loops, ignoring interrupts, until its component
 * is deactivated (so a test's threads end with the test); it rates any other task at once. It counts
 * the threads spinning in it, for the tests to read through {@link #spinning()}.
 */
@Component
public class SpinningScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("spinning", "1.0.0", "spins on some tasks", EnumSet.allOf(Axis.class));
    private static final AtomicInteger SPINNING = new AtomicInteger();

    private volatile boolean stopped;

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (task.statement().contains("spin")) {
            SPINNING.incrementAndGet();
            try {
                while (!stopped) {
                    Thread.onSpinWait(); // deaf to interrupts, like a scorer stuck in a loop
                }
            } finally {
                SPINNING.decrementAndGet();
            }
        }
        return Rating.of(0.5, 0.5, 0.5, List.of("done"));
    }

    /** @return how many threads spin in some instance of this scorer now */
    public static int spinning() {
        return SPINNING.get();
    }

    /** Lets the spinning threads go. */
    @Deactivate
    public void stop() {
        stopped = true;
    }
}
