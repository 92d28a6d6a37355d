package dev.moravec.testing.plugins.hog;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/**
 * A hostile test plugin: on a task that says "hog" it holds ever more memory until the JVM throws
 * {@link OutOfMemoryError}, which it lets through (the memory is free again once the call has ended);
 * it rates any other task at once.
 */
@Component
public class HogScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("hog", "1.0.0", "eats the heap on some tasks", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        if (task.statement().contains("hog")) {
            List<long[]> held = new ArrayList<>();
            while (true) {
                held.add(new long[1 << 17]); // 1 MiB at a time
            }
        }
        return Rating.of(0.5, 0.5, 0.5, List.of("ate nothing"));
    }
}
