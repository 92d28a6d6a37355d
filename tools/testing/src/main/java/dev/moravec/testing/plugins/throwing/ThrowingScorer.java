package dev.moravec.testing.plugins.throwing;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * A misbehaving test plugin: throws on tasks that mention "boom", throws an Error on "error", returns
 * NaN on "nan", and on "leak" leaves a thread behind that never ends.
 */
@Component
public class ThrowingScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("throwing", "1.0.0", "throws now and then", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (task.statement().contains("boom")) {
            throw new IllegalStateException("deliberate failure");
        }
        if (task.statement().contains("error")) {
            throw new AssertionError("deliberate error");
        }
        if (task.statement().contains("leak")) {
            Thread leaked = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "leaked-by-a-plugin");
            leaked.start(); // not a daemon: it would keep a JVM alive that waits for its threads
        }
        if (task.statement().contains("nan")) {
            return Rating.of(Double.NaN, 0.5, 0.5, List.of("not a number"));
        }
        return Rating.of(0.3, 0.7, 0.5, List.of("all fine"));
    }
}
