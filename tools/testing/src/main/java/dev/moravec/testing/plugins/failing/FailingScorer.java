package dev.moravec.testing.plugins.failing;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A broken test plugin: its activation throws, as a scorer whose model file is missing would. */
@Component
public class FailingScorer implements TaskScorer {

    @Activate
    public FailingScorer() {
        throw new IllegalStateException("the model file is missing");
    }

    @Override
    public ScorerInfo info() {
        return new ScorerInfo("failing", "1.0.0", "never activates", EnumSet.allOf(Axis.class));
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.abstain("never called");
    }
}
