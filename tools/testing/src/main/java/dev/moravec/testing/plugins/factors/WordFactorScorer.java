package dev.moravec.testing.plugins.factors;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.VerificationMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * A test plugin that rates a task by a few words: it names the factor each word stands for and how an
 * attempt is checked, and abstains on both axes, so the other scorers' T and V stay as they are. Lifting,
 * carrying, repairing or installing is {@code EMBODIMENT}; inspecting is {@code PERCEPTION}; a portal or
 * clicking is {@code COMPUTER_USE}; design is {@code TASTE}; a trial or a strategy is
 * {@code SLOW_FEEDBACK}; face to face or comforting is {@code PRESENCE}; a memo, an argument or a proof is
 * checked by a careful reader and names no factor. A task with none of the words gets an abstention.
 * Where several words match, each factor keeps its word's strength and the mode is the costliest word's.
 */
@Component
public class WordFactorScorer implements TaskScorer {

    private static final ScorerInfo INFO = new ScorerInfo("word-factors", "1.0.0",
            "names bottleneck factors from a few words (a test plugin)", EnumSet.allOf(Axis.class));

    private static final double CONFIDENCE = 0.6;

    /** A word class: the factor it names (or none), how strongly, and how a result is checked. */
    private record Cue(Pattern words, BottleneckFactor factor, double strength, VerificationMode mode, String meaning) {
        Cue(String words, BottleneckFactor factor, double strength, VerificationMode mode, String meaning) {
            this(Pattern.compile("\\b(" + words + ")\\b"), factor, strength, mode, meaning);
        }
    }

    private static final List<Cue> CUES = List.of(
            new Cue("lift\\w*|carr(y|ies|ying)|repair\\w*|install|installs|installing", BottleneckFactor.EMBODIMENT, 0.9,
                    VerificationMode.PHYSICAL_CHECK, "hands-on physical work"),
            new Cue("inspect\\w*", BottleneckFactor.PERCEPTION, 0.7,
                    VerificationMode.PHYSICAL_CHECK, "looking at the physical world"),
            new Cue("portals?|click\\w*", BottleneckFactor.COMPUTER_USE, 0.8,
                    VerificationMode.PROGRAM_CHECK, "operating screens of software"),
            new Cue("design\\w*", BottleneckFactor.TASTE, 0.8,
                    VerificationMode.TASTE, "taste without consensus"),
            new Cue("trials?|strateg\\w*", BottleneckFactor.SLOW_FEEDBACK, 0.75,
                    VerificationMode.SLOW_OUTCOME, "outcomes that show slowly"),
            new Cue("face to face|comfort\\w*", BottleneckFactor.PRESENCE, 0.8,
                    VerificationMode.EXPERT_QUICK, "being there with people"),
            new Cue("memos?|arguments?|proofs?|theorems?", null, 0,
                    VerificationMode.READER_EVIDENT, "a careful reader sees whether it is right"));

    @Override
    public ScorerInfo info() {
        return INFO;
    }

    @Override
    public Rating rate(Task task, ScoringContext context) {
        String text = task.statement().toLowerCase(Locale.ROOT);
        Cue costliest = null;
        List<String> evidence = new ArrayList<>();
        List<Bottleneck> bottlenecks = new ArrayList<>();
        for (Cue cue : CUES) {
            Matcher matcher = cue.words().matcher(text);
            if (!matcher.find()) {
                continue;
            }
            String reason = "'" + matcher.group() + "' -> " + cue.meaning();
            evidence.add(reason);
            if (costliest == null || cue.mode().typicalCost() > costliest.mode().typicalCost()) {
                costliest = cue;
            }
            if (cue.factor() != null) {
                bottlenecks.add(Bottleneck.of(cue.factor(), cue.strength(), reason));
            }
        }
        if (costliest == null) {
            return Rating.abstain("none of its words names a factor");
        }
        bottlenecks.sort((a, b) -> Double.compare(b.strength(), a.strength()));
        return new Rating(OptionalDouble.empty(), OptionalDouble.empty(), CONFIDENCE, evidence, bottlenecks,
                Optional.of(costliest.mode()));
    }
}
