package dev.moravec.testing.plugins.exitonstart;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** A hostile test plugin: its activation calls {@code System.exit(3)}, as a scorer giving up on a missing file might. */
@Component
public class ExitOnStartScorer implements TaskScorer {

    /** Ends the process, or tries to. */
    @Activate
    public ExitOnStartScorer() {
        System.exit(3);
    }

    @Override
    public ScorerInfo info() {
        return new ScorerInfo("exitonstart", "1.0.0", "ends the process as it starts", EnumSet.allOf(Axis.class));
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.abstain("never called");
    }
}
