package dev.moravec.testing.plugins.sleepy;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** A misbehaving test plugin: on tasks that mention "slow" it sleeps ten minutes, far past any time limit. */
@Component
public class SleepyScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("sleepy", "1.0.0", "sleeps on slow tasks", EnumSet.of(Axis.VERIFICATION_COST));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (task.statement().contains("slow")) {
            try {
                Thread.sleep(600_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Rating.ofVerificationCost(1, 1, List.of("woken up"));
            }
        }
        return Rating.ofVerificationCost(0.5, 0.5, List.of("awake"));
    }
}
