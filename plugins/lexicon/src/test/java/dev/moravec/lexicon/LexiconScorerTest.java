package dev.moravec.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconScorerTest {

    @TempDir
    Path dir;

    private static Rating rate(LexiconScorer scorer, String statement) {
        return scorer.rate(Task.of("t", statement), ScoringContext.standalone());
    }

    @Test
    void matchesWordStemsAndNamesTheCuesAsTheStatementWritesThem() throws Exception {
        LexiconScorer scorer = new LexiconScorer(null, "1.0.0");
        Rating rating = rate(scorer, "Trim trees and remove branches using chainsaws");
        assertThat(rating.transferability().getAsDouble()).isLessThan(0.3);
        assertThat(rating.verificationCost().getAsDouble()).isGreaterThan(0.7);
        assertThat(rating.evidence()).contains("'chainsaws' -> tools, machines and equipment");
        assertThat(rating.confidence()).isGreaterThan(0.8);

        Rating tests = rate(scorer, "Write unit tests for existing software modules");
        assertThat(tests.transferability().getAsDouble()).isGreaterThan(0.8);
        assertThat(tests.verificationCost().getAsDouble()).isLessThan(0.35);
        assertThat(tests.evidence()).contains("'unit tests' -> code, software and queries");
    }

    @Test
    void abstainsWhenNoCueMatches() throws Exception {
        Rating rating = rate(new LexiconScorer(null, "1.0.0"), "Zorble the quuxes");
        assertThat(rating.isAbstention()).isTrue();
        assertThat(rating.evidence()).containsExactly("no lexicon cue matched");
    }

    @Test
    void aReplacementLexiconIsUsedAndVersionedByItsContent() throws Exception {
        Path file = Files.writeString(dir.resolve("mine.json"), """
                {"name": "mine", "categories": [
                  {"name": "gardening", "transferability": 0.2, "verificationCost": 0.7, "cues": ["prune", "rose^2"]},
                  {"name": "checks", "verificationCost": 0.1, "cues": ["tested"]}]}
                """);
        LexiconScorer scorer = new LexiconScorer(file.toString(), "1.0.0");
        assertThat(scorer.info().version()).matches("1\\.0\\.0\\+[0-9a-f]{8}");
        Rating rating = rate(scorer, "Pruning the roses");
        assertThat(rating.transferability().getAsDouble()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(rating.evidence()).containsExactly("'roses' -> gardening", "'Pruning' -> gardening");
        Rating checks = rate(scorer, "Tested code");
        assertThat(checks.transferability()).isEmpty();
        assertThat(checks.verificationCost()).hasValue(0.1);
        assertThat(rate(scorer, "Write SQL queries").isAbstention()).isTrue();
    }

    @Test
    void anInvalidLexiconIsRefusedNamingWhatIsWrong() throws Exception {
        assertThatThrownBy(() -> new LexiconScorer(write("{\"categories\": []}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageEndingWith("the lexicon has no categories");
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"transferability\": 1.2, \"cues\": [\"a\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("category 'x': value 1.2 is outside [0, 1]");
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"verificationCost\": 0.2, \"cues\": [\"the\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("cue 'the' has no content words");
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"verificationCost\": 0.2, \"cues\": [\"code^much\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("cue 'code^much' has a weight that is not a number");
        assertThatThrownBy(() -> new LexiconScorer(write("{\"categorys\": []}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining(":1: Unrecognized field \"categorys\"");
        assertThatThrownBy(() -> new LexiconScorer(dir.resolve("none.json").toString(), "1"))
                .hasMessageContaining("cannot read the lexicon file");
    }

    private String write(String json) throws Exception {
        return Files.writeString(dir.resolve("lexicon-" + json.hashCode() + ".json"), json).toString();
    }
}
