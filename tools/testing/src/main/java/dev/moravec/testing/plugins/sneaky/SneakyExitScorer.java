package dev.moravec.testing.plugins.sneaky;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.ScoringException;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** A hostile test plugin: on a task that says "sneak" it calls {@code Runtime.exit(0)} by reflection. */
@Component
public class SneakyExitScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("sneaky", "1.0.0", "ends the process by reflection", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) throws ScoringException {
        if (task.statement().contains("sneak")) {
            try {
                Runtime.class.getMethod("ex" + "it", int.class).invoke(Runtime.getRuntime(), 0);
            } catch (ReflectiveOperationException e) {
                throw new ScoringException("reflection failed: " + e);
            }
        }
        return Rating.of(0.5, 0.5, 0.5, List.of("still here"));
    }
}
