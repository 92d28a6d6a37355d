package dev.moravec.evaluation;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.scoring.VerdictAggregator;
import java.util.ArrayList;
import java.util.List;

/** Labelled tasks with made-up ratings, built in code. */
final class Fixtures {

    private Fixtures() {}

    static LabeledTask label(int line, String code, boolean positive, double value) {
        return new LabeledTask(line, "t" + line, "made-up statement " + line, code, null, TaskType.CORE,
                positive ? "E1" : "E0", value, positive);
    }

    static ScorerOutcome rated(String scorer, double t, double v) {
        return ScorerOutcome.rated(scorer, "1.0", Rating.of(t, v, 0.9, List.of("cue")));
    }

    static ScorerOutcome failed(String scorer) {
        return ScorerOutcome.unrated(scorer, "1.0", RatingStatus.FAILED, "boom");
    }

    static LabeledVerdict joined(LabeledTask label, ScorerOutcome... outcomes) {
        Task task = new Task(label.id(), label.statement(), label.occupationCode(), label.type(), TaskWeights.NONE);
        return new LabeledVerdict(label, new VerdictAggregator(EngineConfig.defaults()).combine(task, List.of(outcomes)));
    }

    static LabelSet labels(List<LabeledVerdict> matched) {
        List<LabeledTask> tasks = new ArrayList<>();
        matched.forEach(m -> tasks.add(m.label()));
        return new LabelSet("fixture.tsv", "human_exposure", LabelScale.EXPOSURE, List.of("E1", "E2"), tasks);
    }
}
