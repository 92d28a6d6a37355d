package dev.moravec.semantic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskWeights;
import dev.moravec.api.VerificationMode;
import dev.moravec.embeddings.EmbeddingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic scorer on a small exemplar fixture, with the real embedding model. */
class SemanticScorerTest {

    private static SemanticScorer fixtureScorer(int neighbours, String model) throws Exception {
        Path exemplars = Path.of(SemanticScorerTest.class.getResource("fixture-exemplars.tsv").toURI());
        return new SemanticScorer(SharedEmbedder.get(), exemplars.toString(), neighbours, model, 1.0, "1.0.0");
    }

    private static Rating rate(SemanticScorer scorer, String statement) throws Exception {
        return scorer.rate(new Task("t", statement, null, null, TaskWeights.NONE), ScoringContext.standalone());
    }

    @Test
    void findsTheNearestExemplarAndCitesIt() throws Exception {
        SemanticScorer scorer = fixtureScorer(1, "none");

        Rating brakes = rate(scorer, "Repair the brakes of trucks and vans in a garage.");
        assertThat(brakes.evidence().get(0)).startsWith(
                "'Replace the worn brake pads and rotors on a delivery van.' (similarity 0.");
        assertThat(brakes.evidence().get(0)).endsWith("; T 0.10, V 0.85)");
        // with one neighbour, the rating is that exemplar's targets
        assertThat(brakes.transferability().getAsDouble()).isCloseTo(0.10, within(1e-9));
        assertThat(brakes.verificationCost().getAsDouble()).isCloseTo(0.85, within(1e-9));

        Rating tests = rate(scorer, "Write automated tests for billing software and fix failing code.");
        assertThat(tests.evidence().get(0)).startsWith("'Write unit tests for a payroll module");
        assertThat(tests.transferability().getAsDouble()).isCloseTo(0.95, within(1e-9));
    }

    @Test
    void neighboursAreWeightedBySimilarityAndCitedNearestFirst() throws Exception {
        Rating rating = rate(fixtureScorer(4, "none"), "Write a heartfelt speech for a funeral service.");

        assertThat(rating.evidence()).hasSize(3);
        assertThat(rating.evidence().get(0)).startsWith("'Write a eulogy");
        List<Double> similarities = rating.evidence().stream()
                .map(e -> Double.parseDouble(e.replaceAll(".*\\(similarity ([0-9.]+);.*", "$1"))).toList();
        assertThat(similarities).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        // the eulogy dominates, but the other exemplars pull the average away from its targets
        assertThat(rating.verificationCost().getAsDouble()).isBetween(0.5, 0.9);
        assertThat(rating.confidence()).isBetween(0.05, 0.95);
    }

    @Test
    void learnedLayerRatesTransferabilityAndKeepsTheExemplarsVerificationCost() throws Exception {
        SemanticScorer withLayer = new SemanticScorer(SharedEmbedder.get(),
                Path.of(SemanticScorerTest.class.getResource("fixture-exemplars.tsv").toURI()).toString(), 1, null, 1.0,
                "1.0.0");
        Rating rating = rate(withLayer, "Replace brake pads on a pickup truck.");

        assertThat(rating.evidence().get(0)).startsWith("learned exposure layer: ");
        assertThat(rating.evidence().get(1)).startsWith("'Replace the worn brake pads");
        assertThat(rating.verificationCost().getAsDouble()).isCloseTo(0.85, within(1e-9));
        assertThat(rating.transferability().getAsDouble()).isLessThan(0.5);
        assertThat(withLayer.info().version()).isNotEqualTo(fixtureScorer(1, "none").info().version());
    }

    @Test
    void theNearestExemplarsFactorsAndModesCombineBySimilarity() throws Exception {
        Path exemplars = Path.of(SemanticScorerTest.class.getResource("fixture-exemplars-factors.tsv").toURI());
        SemanticScorer nearest = new SemanticScorer(SharedEmbedder.get(), exemplars.toString(), 1, "none", 1.0, "1.0.0");

        // with one neighbour, the task has that exemplar's factors and mode
        Rating lifting = rate(nearest, "Lift and carry furniture up stairs");
        assertThat(lifting.bottlenecks()).extracting(Bottleneck::factor, Bottleneck::strength)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(BottleneckFactor.EMBODIMENT, 0.9),
                        org.assertj.core.groups.Tuple.tuple(BottleneckFactor.PERCEPTION, 0.2));
        assertThat(lifting.bottlenecks().get(0).evidence()).singleElement().asString()
                .startsWith("like 'Carry heavy boxes up a flight of stairs.' (similarity 0.").endsWith("; EMBODIMENT 0.90)");
        assertThat(lifting.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);
        assertThat(lifting.evidence()).last().asString().startsWith("verification PHYSICAL_CHECK: 100% of the nearest"
                + " exemplars' weight, the nearest being 'Carry heavy boxes");

        // with all three, each factor is the similarity-weighted mean, an exemplar without it counting 0
        SemanticScorer all = new SemanticScorer(SharedEmbedder.get(), exemplars.toString(), 3, "none", 1.0, "1.0.0");
        Rating mixed = rate(all, "Carry heavy pots of sauce up the stairs and taste them");
        Bottleneck perception = mixed.bottleneck(BottleneckFactor.PERCEPTION).orElseThrow();
        // both the sauce (0.9) and the boxes (0.2) raise PERCEPTION: their mean lies strictly between
        assertThat(perception.strength()).isStrictlyBetween(0.2, 0.9);
        assertThat(perception.evidence().get(0)).contains("'Taste a sauce", " and 'Carry heavy boxes");
        Rating essay = rate(all, "Write an essay defending an interpretation of a novel");
        assertThat(essay.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(essay.bottlenecks()).allSatisfy(b -> assertThat(b.strength()).isLessThan(0.5));
    }

    @Test
    void theBuiltInExemplarsNameWhatHoldsATaskBackAndHowItIsChecked() throws Exception {
        SemanticScorer scorer = new SemanticScorer(SharedEmbedder.get(), null, 8, null, 1.0, "1.0.0");

        Rating lifting = rate(scorer, "Lift and carry furniture up stairs");
        assertThat(lifting.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.EMBODIMENT);
        assertThat(lifting.verification()).hasValue(VerificationMode.PHYSICAL_CHECK);

        Rating portal = rate(scorer, "Update shipment records by clicking through the carrier's web portal");
        assertThat(portal.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.COMPUTER_USE);

        Rating wine = rate(scorer, "Judge the character of a wine by tasting it and describing its aroma and finish");
        assertThat(wine.bottlenecks()).extracting(Bottleneck::factor)
                .contains(BottleneckFactor.TASTE, BottleneckFactor.PERCEPTION);
        assertThat(wine.verification()).hasValue(VerificationMode.TASTE);

        Rating trial = rate(scorer, "Run a field trial of a new crop variety over a growing season and compare yields");
        assertThat(trial.bottlenecks().get(0).factor()).isEqualTo(BottleneckFactor.SLOW_FEEDBACK);
        assertThat(trial.verification()).hasValue(VerificationMode.SLOW_OUTCOME);

        Rating sketch = rate(scorer,
                "Write a proof sketch showing that a proposed voting rule violates independence of irrelevant alternatives");
        assertThat(sketch.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(sketch.verificationCost().getAsDouble()).isLessThan(0.4);
        Rating argument = rate(scorer, "Write an essay arguing that a proposed tax would be regressive, answering objections");
        assertThat(argument.verification()).hasValue(VerificationMode.READER_EVIDENT);
        assertThat(argument.verificationCost().getAsDouble()).isLessThan(0.4);

        Rating code = rate(scorer, "Write code for a date parser and fix it until the unit test suite passes");
        assertThat(code.verification()).hasValue(VerificationMode.PROGRAM_CHECK);
        assertThat(code.verificationCost().getAsDouble()).isLessThan(0.3);
    }

    @Test
    void everyBuiltInExemplarNamesItsModeAndTheModeFitsItsCost() throws Exception {
        SemanticScorer scorer = new SemanticScorer(SharedEmbedder.get(), null, 8, "none", 1.0, "1.0.0");
        assertThat(scorer.exemplars()).allSatisfy(e -> {
            assertThat(e.mode()).as(e.statement()).isNotNull();
            // a program's or a careful reader's check is cheap; slow outcomes, physical checks and taste are not
            switch (e.mode()) {
                case PROGRAM_CHECK -> assertThat(e.v()).as(e.statement()).isLessThanOrEqualTo(0.35);
                case READER_EVIDENT -> assertThat(e.v()).as(e.statement()).isBetween(0.15, 0.4);
                case EXPERT_QUICK -> assertThat(e.v()).as(e.statement()).isBetween(0.35, 0.65);
                default -> assertThat(e.v()).as(e.statement()).isGreaterThanOrEqualTo(0.55);
            }
        });
        // every factor is the strongest of some exemplar
        assertThat(scorer.exemplars().stream().filter(e -> !e.factors().isEmpty())
                .map(e -> java.util.Collections.max(e.factors().entrySet(), java.util.Map.Entry.comparingByValue()).getKey())
                .distinct()).containsExactlyInAnyOrder(BottleneckFactor.values());
    }

    @Test
    void badExemplarFilesAreReportedWithTheirPlace(@TempDir Path dir) throws Exception {
        Path mode = dir.resolve("mode.tsv");
        Files.writeString(mode, "T\tV\tMode\tGroup\tStatement\n0.5\t0.5\tBY_EYE\t15-0000\tWrite code.\n");
        assertThatThrownBy(() -> new SemanticScorer(SharedEmbedder.get(), mode.toString(), 8, "none", 1.0, "1"))
                .hasMessageStartingWith(mode + ":2: field 'Mode': 'BY_EYE' is not one of [PROGRAM_CHECK, ");
        Path factors = dir.resolve("factors.tsv");
        Files.writeString(factors, "T\tV\tFactors\tGroup\tStatement\n0.5\t0.5\tEMBODIMENT\t15-0000\tWrite code.\n");
        assertThatThrownBy(() -> new SemanticScorer(SharedEmbedder.get(), factors.toString(), 8, "none", 1.0, "1"))
                .hasMessageStartingWith(factors + ":2: field 'Factors': 'EMBODIMENT' is not a factor and its strength");
        Path column = dir.resolve("column.tsv");
        Files.writeString(column, "T\tV\tGroup\tStatement\tModes\n0.5\t0.5\t15-0000\tWrite code.\tTASTE\n");
        assertThatThrownBy(() -> new SemanticScorer(SharedEmbedder.get(), column.toString(), 8, "none", 1.0, "1"))
                .hasMessageStartingWith(column + ":1: unknown column 'Modes'");

        Path bad = dir.resolve("bad.tsv");
        Files.writeString(bad, "T\tV\tGroup\tStatement\tWhy\n0.5\t0.5\t15-0000\tWrite code.\tok\n1.5\t0.2\t15-0000\tRun tests.\tx\n");
        assertThatThrownBy(() -> new SemanticScorer(SharedEmbedder.get(), bad.toString(), 8, "none", 1.0, "1"))
                .hasMessage(bad + ":3: field 'T': '1.5' is not a number in [0, 1]");

        Path noHeader = dir.resolve("no-header.tsv");
        Files.writeString(noHeader, "0.5\t0.5\t15-0000\tWrite code.\tok\n");
        assertThatThrownBy(() -> new SemanticScorer(SharedEmbedder.get(), noHeader.toString(), 8, "none", 1.0, "1"))
                .hasMessageStartingWith(noHeader + ":1: an exemplar file starts with the header");
    }

    @Test
    void aModelTrainedOnOtherVectorsIsRefused(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"kind\": \"moravec-exposure-model\", \"model\": \"another-model\", \"dimension\": "
                + EmbeddingService.DIMENSION + ", \"weights\": [], \"bias\": 0}");
        assertThatThrownBy(() -> fixtureScorer(8, model.toString()))
                .hasMessageContaining("was trained on another-model vectors")
                .hasMessageContaining("moravec train semantic");

        Path notAModel = dir.resolve("other.json");
        Files.writeString(notAModel, "{\"weights\": []}");
        assertThatThrownBy(() -> fixtureScorer(8, notAModel.toString()))
                .hasMessageContaining("is not a model written by 'moravec train semantic'");
    }

    @Test
    void builtInExemplarsCoverEveryQuadrantAndMajorGroup() throws Exception {
        SemanticScorer scorer = new SemanticScorer(SharedEmbedder.get(), null, 8, "none", 1.0, "1.0.0");

        assertThat(scorer.exemplarCount()).isGreaterThanOrEqualTo(400);
        List<double[]> targets = List.copyOf(scorer.targets().values());
        assertThat(targets).anyMatch(t -> t[0] >= 0.6 && t[1] < 0.4) // pure reasoning
                .anyMatch(t -> t[0] >= 0.6 && t[1] >= 0.6)            // verification-bound
                .anyMatch(t -> t[0] < 0.4 && t[1] < 0.4)              // knowledge-bound
                .anyMatch(t -> t[0] < 0.4 && t[1] >= 0.6);            // lagging
        String exemplars = new String(SemanticScorer.class.getResourceAsStream("exemplars.tsv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String major : List.of("11", "13", "15", "17", "19", "21", "23", "25", "27", "29", "31", "33", "35", "37",
                "39", "41", "43", "45", "47", "49", "51", "53")) {
            assertThat(exemplars).as("an exemplar of SOC major group %s-0000", major).contains("\t" + major + "-0000\t");
        }
    }
}
