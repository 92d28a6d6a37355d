package dev.moravec.testing.plugins.invalid;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Component;

/** A broken test plugin: its identity is invalid, so the host cannot take it. */
@Component
public class InvalidIdScorer implements TaskScorer {

    @Override
    public ScorerInfo info() {
        return new ScorerInfo("Not Valid!", "1.0.0", "bad id", EnumSet.allOf(Axis.class));
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.abstain("never called");
    }
}
