package dev.moravec.testing.plugins.waiting;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A test plugin that needs a service nobody offers, so it never registers its scorer. */
@Component
public class WaitingScorer implements TaskScorer {

    /** A service no bundle provides. */
    public interface Oracle {
        /** @return an answer */
        String answer();
    }

    private final Oracle oracle;

    @Activate
    public WaitingScorer(@Reference(name = "oracle") Oracle oracle) {
        this.oracle = oracle;
    }

    @Override
    public ScorerInfo info() {
        return new ScorerInfo("waiting", "1.0.0", "waits for an oracle", EnumSet.allOf(Axis.class));
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        return Rating.abstain(oracle.answer());
    }
}
