package dev.moravec.evaluation;

import static dev.moravec.evaluation.Fixtures.joined;
import static dev.moravec.evaluation.Fixtures.label;
import static dev.moravec.evaluation.Fixtures.rated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.model.EngineConfig;
import dev.moravec.model.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CalibratorTest {

    /** 40 occupations of 10 tasks; a task is positive exactly when T >= 0.6 and V <= 0.4 by the "good" scorer. */
    private static List<LabeledVerdict> data(boolean withNoise) {
        Random random = new Random(12345);
        List<LabeledVerdict> matched = new ArrayList<>();
        for (int o = 0; o < 40; o++) {
            String code = String.format("%02d-%04d.00", 11 + 2 * (o % 11), 1000 + o);
            for (int i = 0; i < 10; i++) {
                double t = random.nextInt(101) / 100.0;
                double v = random.nextInt(101) / 100.0;
                boolean positive = t >= 0.6 && v <= 0.4;
                LabeledTask label = label(matched.size() + 2, code, positive, positive ? 1 : 0);
                matched.add(withNoise
                        ? joined(label, rated("good", t, v), rated("noise", random.nextDouble(), random.nextDouble()))
                        : joined(label, rated("good", t, v)));
            }
        }
        return matched;
    }

    @Test
    void findsTheThresholdsThatSeparateTheLabels() {
        List<LabeledVerdict> matched = data(false);
        Calibrator.Calibration calibration = new Calibrator(EngineConfig.defaults()).calibrate(matched, 5, 7);
        assertThat(calibration.fitted().thresholds()).isEqualTo(new Thresholds(0.6, 0.4));
        assertThat(calibration.balancedAccuracy()).isEqualTo(1.0);
        assertThat(calibration.weightsFitted()).isFalse();
        assertThat(calibration.scorers()).containsExactly("good");
        assertThat(calibration.folds()).hasSize(5);
        assertThat(calibration.folds().stream().mapToInt(Calibrator.Fold::occupations).sum()).isEqualTo(40);
        assertThat(calibration.folds().stream().mapToInt(Calibrator.Fold::tasks).sum()).isEqualTo(400);
        assertThat(calibration.crossValidated()).hasSize(400).doesNotContainNull();
        assertThat(calibration.folds()).allSatisfy(f -> assertThat(f.heldOutBalancedAccuracy()).isGreaterThan(0.9));
    }

    @Test
    void weighsANoisyScorerDown() {
        List<LabeledVerdict> matched = data(true);
        Calibrator.Fit fit = new Calibrator(EngineConfig.defaults()).fit(matched,
                IntStream.range(0, matched.size()).toArray());
        assertThat(fit.config().scorer("noise").weight()).isZero();
        assertThat(fit.config().scorer("good").weight()).isPositive();
        assertThat(fit.balancedAccuracy()).isEqualTo(1.0);
    }

    @Test
    void theSameSeedGivesTheSameCalibration() {
        List<LabeledVerdict> matched = data(true);
        Calibrator calibrator = new Calibrator(EngineConfig.defaults());
        Calibrator.Calibration one = calibrator.calibrate(matched, 4, 3);
        Calibrator.Calibration two = calibrator.calibrate(matched, 4, 3);
        assertThat(two.fitted()).isEqualTo(one.fitted());
        assertThat(two.folds()).isEqualTo(one.folds());
        assertThat(two.crossValidated()).isEqualTo(one.crossValidated());
    }

    @Test
    void gridCellsFollowTheQuadrantRule() {
        assertThat(Calibrator.highestAtMost(0.35)).isEqualTo(7);
        assertThat(Calibrator.highestAtMost(0.3499)).isEqualTo(6);
        assertThat(Calibrator.highestAtMost(0.0)).isZero();
        assertThat(Calibrator.highestAtMost(1.0)).isEqualTo(20);
        assertThat(Calibrator.lowestAtLeast(0.35)).isEqualTo(7);
        assertThat(Calibrator.lowestAtLeast(0.3501)).isEqualTo(8);
        assertThat(Calibrator.lowestAtLeast(0.0)).isZero();
        assertThat(Calibrator.lowestAtLeast(1.0)).isEqualTo(20);
        for (int k = 0; k <= 20; k++) {
            double grid = k / 20.0;
            assertThat(Calibrator.highestAtMost(grid)).isEqualTo(k);
            assertThat(Calibrator.lowestAtLeast(grid)).isEqualTo(k);
        }
    }
}
