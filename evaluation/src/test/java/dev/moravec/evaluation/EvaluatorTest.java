package dev.moravec.evaluation;

import static dev.moravec.evaluation.Fixtures.failed;
import static dev.moravec.evaluation.Fixtures.joined;
import static dev.moravec.evaluation.Fixtures.label;
import static dev.moravec.evaluation.Fixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import dev.moravec.taxonomy.sources.SocMajorGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A report on nine made-up tasks of three occupations, checked against figures worked out by hand. */
class EvaluatorTest {

    private static final String A = "15-1252.00";
    private static final String B = "47-2031.00";
    private static final String C = "43-3031.00";

    // S = T (1 - V): A 0.81 0.64 0.18; B 0.02 0.06 0.07; C 0.42 0.16, and one task nobody could rate
    private static final List<LabeledVerdict> MATCHED = List.of(
            joined(label(2, A, true, 1), rated("lex", 0.9, 0.1)),
            joined(label(3, A, true, 1), rated("lex", 0.8, 0.2)),
            joined(label(4, A, false, 0), rated("lex", 0.6, 0.7)),
            joined(label(5, B, false, 0), rated("lex", 0.2, 0.9)),
            joined(label(6, B, true, 0.5), rated("lex", 0.3, 0.8)),
            joined(label(7, B, false, 0), rated("lex", 0.1, 0.3)),
            joined(label(8, C, true, 1), rated("lex", 0.7, 0.4)),
            joined(label(9, C, false, 0), rated("lex", 0.4, 0.6)),
            joined(label(10, C, false, 0), failed("lex")));
    private static final LabeledTask UNMATCHED = new LabeledTask(11, "t11", "not classified", A, null, null, "E0", 0,
            false);
    private static final Joined JOINED = new Joined(MATCHED, List.of(UNMATCHED));
    private static final LabelSet LABELS = Fixtures.labels(MATCHED);

    private final Evaluator evaluator = new Evaluator(new Bootstrap(300, 5));

    @Test
    void taskFiguresMatchTheHandComputedOnes() {
        EvaluationReport report = evaluator.evaluate(LABELS, JOINED, EngineConfig.defaults());
        // positives 0.81 0.64 0.42 beat all four negatives; 0.06 beats only 0.02: 13 of 16 pairs
        assertThat(report.figure(Measure.AUC_SCORE).estimate().value()).isCloseTo(13.0 / 16, within(1e-12));
        assertThat(report.figure(Measure.AUC_SCORE).n()).isEqualTo(8);
        assertThat(report.figure(Measure.AUC_TRANSFERABILITY).estimate().value())
                .isEqualTo(Metrics.auc(new double[] {0.9, 0.8, 0.6, 0.2, 0.3, 0.1, 0.7, 0.4},
                        new boolean[] {true, true, false, false, true, false, true, false}));
        // PURE_REASONING: tasks 2, 3 and 8, all positive; task 6 is a positive missed; the unrated task counts as no
        assertThat(report.confusion()).isEqualTo(new Confusion(3, 0, 1, 5));
        assertThat(report.figure(Measure.BALANCED_ACCURACY).estimate().value()).isCloseTo(0.875, within(1e-12));
        assertThat(report.figure(Measure.BALANCED_ACCURACY).n()).isEqualTo(9);
        // observed 8/9; chance (3 * 4 + 6 * 5) / 81 = 42/81; kappa (72 - 42) / (81 - 42)
        assertThat(report.figure(Measure.KAPPA).estimate().value()).isCloseTo(30.0 / 39, within(1e-12));
        assertThat(report.matched()).isEqualTo(9);
        assertThat(report.rated()).isEqualTo(8);
        assertThat(report.unmatched()).containsExactly(UNMATCHED);
        assertThat(report.thresholds()).isEqualTo(Thresholds.DEFAULT);
        assertThat(report.weights()).containsOnlyKeys("lex");
        assertThat(report.weights().get("lex").weight(dev.moravec.api.Axis.TRANSFERABILITY)).isEqualTo(1.0);
        Estimate auc = report.figure(Measure.AUC_SCORE).estimate();
        assertThat(auc.low()).isLessThanOrEqualTo(auc.value());
        assertThat(auc.high()).isGreaterThanOrEqualTo(auc.value()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void occupationFiguresCompareMeanScoresWithMeanLabels() {
        EvaluationReport report = evaluator.evaluate(LABELS, JOINED, EngineConfig.defaults());
        // occupation scores A 0.5433, B 0.05, C 0.29 (its unrated task left out); mean labels A 2/3, B 1/6, C 1/3
        assertThat(report.occupations()).isEqualTo(3);
        assertThat(report.figure(Measure.OCCUPATION_SPEARMAN).estimate().value()).isCloseTo(1.0, within(1e-12));
        assertThat(report.figure(Measure.OCCUPATION_PEARSON).estimate().value()).isCloseTo(
                Metrics.pearson(new double[] {1.63 / 3, 0.05, 0.29}, new double[] {2.0 / 3, 0.5 / 3, 1.0 / 3}),
                within(1e-9));
        assertThat(report.figure(Measure.OCCUPATION_SPEARMAN).n()).isEqualTo(3);
    }

    @Test
    void perScorerAndPerGroupFigures() {
        EvaluationReport report = evaluator.evaluate(LABELS, JOINED, EngineConfig.defaults());
        assertThat(report.scorers()).hasSize(1);
        ScorerFigures lex = report.scorers().get(0);
        assertThat(lex.scorer()).isEqualTo("lex");
        assertThat(lex.rated()).isEqualTo(8);
        assertThat(lex.aucScore().estimate().value()).isCloseTo(13.0 / 16, within(1e-12));
        assertThat(lex.aucOneMinusVerificationCost().n()).isEqualTo(8);
        assertThat(report.groups()).extracting(GroupFigures::group).containsExactly(SocMajorGroup.COMPUTER_AND_MATHEMATICAL,
                SocMajorGroup.OFFICE_AND_ADMINISTRATIVE, SocMajorGroup.CONSTRUCTION_AND_EXTRACTION);
        GroupFigures computer = report.groups().get(0);
        assertThat(computer.tasks()).isEqualTo(3);
        assertThat(computer.aucScore().estimate().value()).isEqualTo(1.0);
        assertThat(computer.occupations()).isEqualTo(1);
        assertThat(computer.spearman().estimate().isDefined()).as("fewer than 5 occupations").isFalse();
    }

    @Test
    void theSameSeedGivesTheSameReport() {
        EvaluationReport one = evaluator.evaluate(LABELS, JOINED, EngineConfig.defaults());
        EvaluationReport two = new Evaluator(new Bootstrap(300, 5)).evaluate(LABELS, JOINED, EngineConfig.defaults());
        assertThat(two).isEqualTo(one);
    }

    @Test
    void comparingTwoConfigurationsPairsTheResamples() {
        EngineConfig lenient = new EngineConfig(new Thresholds(0.5, 0.85), Map.of(), EngineConfig.DEFAULT_TASK_TIME_LIMIT,
                EngineConfig.DEFAULT_QUARANTINE_AFTER);
        Comparison comparison = evaluator.compare(LABELS, JOINED, EngineConfig.defaults(), lenient);
        assertThat(comparison.a()).isEqualTo(evaluator.evaluate(LABELS, JOINED, EngineConfig.defaults()));
        // V <= 0.85 lets task 4 (T 0.6, V 0.7, negative) in: tp 3, fp 1, fn 1, tn 4, balanced accuracy 0.775
        assertThat(comparison.b().confusion()).isEqualTo(new Confusion(3, 1, 1, 4));
        Estimate difference = comparison.difference().get(Measure.BALANCED_ACCURACY);
        assertThat(difference.value()).isCloseTo(0.775 - 0.875, within(1e-12));
        assertThat(difference.high()).isLessThanOrEqualTo(0);
        // thresholds do not move S: the paired difference is exactly zero in every resample
        assertThat(comparison.difference().get(Measure.AUC_SCORE)).isEqualTo(new Estimate(0, 0, 0));
    }

    @Test
    void aDisabledScorerCountsWithWeightZero() {
        EngineConfig off = new EngineConfig(Thresholds.DEFAULT,
                Map.of("lex", new dev.moravec.model.ScorerSettings(1, false, Map.of())),
                EngineConfig.DEFAULT_TASK_TIME_LIMIT, EngineConfig.DEFAULT_QUARANTINE_AFTER);
        EvaluationReport report = evaluator.evaluate(LABELS, JOINED, off);
        assertThat(report.rated()).isZero();
        assertThat(report.weights().get("lex").weight(dev.moravec.api.Axis.VERIFICATION_COST)).isZero();
        assertThat(report.figure(Measure.AUC_SCORE).estimate().isDefined()).isFalse();
    }
}
