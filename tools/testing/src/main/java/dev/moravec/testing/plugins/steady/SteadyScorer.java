package dev.moravec.testing.plugins.steady;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** A well-behaved test plugin: rates every task as pure reasoning. */
@Component
public class SteadyScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("steady", "1.0.0", "rates every task alike", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.of(0.8, 0.2, 0.9, List.of("steady as ever"));
    }
}
