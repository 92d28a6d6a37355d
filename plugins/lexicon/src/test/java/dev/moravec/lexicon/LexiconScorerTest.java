package dev.moravec.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.VerificationMode;
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
    void eachCueClassRaisesItsFactorsAndNamesHowAnAttemptIsChecked() throws Exception {
        LexiconScorer scorer = new LexiconScorer(null, "1.0.0");

        Rating lifting = rate(scorer, "Lift and carry furniture up stairs");
        assertThat(lifting.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.EMBODIMENT);
        assertThat(lifting.bottlenecks().get(0).strength()).isGreaterThan(0.7);
        assertThat(lifting.bottlenecks().get(0).evidence().get(0)).contains("'Lift'", "'carry'", "-> physical handling");
        assertThat(lifting.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);

        Rating portal = rate(scorer, "Update shipment records by clicking through the carrier's web portal");
        assertThat(portal.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.COMPUTER_USE);
        assertThat(portal.bottlenecks().get(0).evidence().get(0)).contains("'web portal'", "'clicking'");

        Rating wine = rate(scorer, "Judge the character of a wine by tasting it and describing its aroma and finish");
        assertThat(wine.bottlenecks()).extracting(Bottleneck::factor).startsWith(BottleneckFactor.PERCEPTION)
                .contains(BottleneckFactor.TASTE);
        assertThat(wine.verification()).hasValue(VerificationMode.TASTE);

        Rating trial = rate(scorer, "Run a field trial of a new crop variety over a growing season and compare yields");
        assertThat(trial.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.SLOW_FEEDBACK);
        assertThat(trial.verification()).hasValue(VerificationMode.SLOW_OUTCOME);

        Rating sketch = rate(scorer,
                "Write a proof sketch showing that a proposed voting rule violates independence of irrelevant alternatives");
        assertThat(sketch.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(sketch.verificationCost().getAsDouble()).isLessThan(0.4);
        assertThat(sketch.bottlenecks()).isEmpty();
        assertThat(sketch.evidence()).last().asString().startsWith("verification READER_EVIDENT: ").contains("'proof sketch' -> ");
        Rating termination = rate(scorer, "Write a proof sketch that the algorithm terminates");
        assertThat(termination.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(termination.bottlenecks()).as("'terminates' is no computer terminal").isEmpty();
        Rating argument = rate(scorer, "Write an essay arguing that a proposed tax would be regressive, answering objections");
        assertThat(argument.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(argument.verificationCost().getAsDouble()).isLessThan(0.4);

        Rating code = rate(scorer, "Write code for a date parser and fix it until the unit test suite passes");
        assertThat(code.verification()).hasValue(VerificationMode.PROGRAM_CHECK);
        assertThat(code.verificationCost().getAsDouble()).isLessThan(0.3);
    }

    @Test
    void aFactorIsTheWeightedShareOfTheCuesThatNameIt() throws Exception {
        Path file = Files.writeString(dir.resolve("factors.json"), """
                {"name": "mine", "categories": [
                  {"name": "hands", "transferability": 0.1, "verification": "PHYSICAL_CHECK", "factors": {"EMBODIMENT": 0.8},
                   "cues": ["lift^3"]},
                  {"name": "paper", "transferability": 0.9, "verification": "READER_EVIDENT", "cues": ["memo"]}]}
                """);
        LexiconScorer scorer = new LexiconScorer(file.toString(), "1.0.0");
        Rating rating = rate(scorer, "Notes: lift the memo");
        // 'lift' weighs 3 of the 4 cue weight: EMBODIMENT 0.8 * 3/4; its mode outvotes the memo's
        assertThat(rating.bottlenecks()).singleElement().satisfies(b -> {
            assertThat(b.factor()).isEqualTo(BottleneckFactor.EMBODIMENT);
            assertThat(b.strength()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(b.evidence()).containsExactly("'lift' -> hands");
        });
        assertThat(rating.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);
        // a mode without a cost of its own costs what the mode typically costs
        assertThat(rating.verificationCost().getAsDouble()).isCloseTo(
                0.75 * VerificationMode.PHYSICAL_CHECK.typicalCost() + 0.25 * VerificationMode.READER_EVIDENT.typicalCost(),
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theBuiltInLexiconsFingerprintIsInTheVersion() throws Exception {
        assertThat(new LexiconScorer(null, "1.0.0").info().version()).matches("1\\.0\\.0\\+[0-9a-f]{8}");
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
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"verification\": \"BY_EYE\", \"cues\": [\"a\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("category 'x': verification 'BY_EYE' is not one of"
                        + " [PROGRAM_CHECK, READER_EVIDENT, EXPERT_QUICK, SLOW_OUTCOME, PHYSICAL_CHECK, TASTE]");
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"factors\": {\"HANDS\": 0.5}, \"cues\": [\"a\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("category 'x': factor 'HANDS' is not one of");
        assertThatThrownBy(() -> new LexiconScorer(write(
                "{\"categories\": [{\"name\": \"x\", \"factors\": {\"TASTE\": 1.5}, \"cues\": [\"a\"]}]}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining("category 'x': the strength of TASTE 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> new LexiconScorer(write("{\"categorys\": []}"), "1"))
                .isInstanceOf(LexiconException.class).hasMessageContaining(":1: Unrecognized field \"categorys\"");
        assertThatThrownBy(() -> new LexiconScorer(dir.resolve("none.json").toString(), "1"))
                .hasMessageContaining("cannot read the lexicon file");
    }

    private String write(String json) throws Exception {
        return Files.writeString(dir.resolve("lexicon-" + json.hashCode() + ".json"), json).toString();
    }
}
