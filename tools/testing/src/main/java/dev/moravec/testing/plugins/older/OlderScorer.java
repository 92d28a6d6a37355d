package dev.moravec.testing.plugins.older;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * A scorer written as a plugin built against version 1.2 of the contract would be: it uses only what
 * 1.2 offers (ratings on the two axes with evidence, abstentions), so it names no bottleneck factor
 * and no verification mode.
 */
@Component
public class OlderScorer implements TaskScorer {

    private static final ScorerInfo INFO =
            new ScorerInfo("older", "1.2.0", "rates by a few words, as a 1.2 plugin", EnumSet.allOf(Axis.class));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        String statement = task.statement().toLowerCase(Locale.ROOT);
        if (statement.contains("code") || statement.contains("proof") || statement.contains("calculate")) {
            return Rating.of(0.9, 0.2, 0.7, List.of("writing that a program or a reader checks"));
        }
        if (statement.contains("lift") || statement.contains("repair") || statement.contains("drive")) {
            return Rating.of(0.1, 0.8, 0.7, List.of("work with the hands"));
        }
        return Rating.abstain("no word it knows");
    }
}
