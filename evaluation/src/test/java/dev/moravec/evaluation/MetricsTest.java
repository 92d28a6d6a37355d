package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every measure against figures worked out by hand. */
class MetricsTest {

    @Test
    void tiedValuesShareTheMeanOfTheirRanks() {
        assertThat(Metrics.ranks(new double[] {3, 1, 4, 1, 5})).containsExactly(3, 1.5, 4, 1.5, 5);
        assertThat(Metrics.ranks(new double[] {2, 2, 2})).containsExactly(2, 2, 2);
    }

    @Test
    void aucCountsTiesAsOneHalf() {
        // positives 0.8, 0.4, 0.9 against negatives 0.1, 0.4, 0.8:
        // 0.8 beats 0.1 and 0.4 and ties 0.8 (2.5); 0.4 beats 0.1 and ties 0.4 (1.5); 0.9 beats all (3): 7 of 9
        double[] scores = {0.8, 0.1, 0.4, 0.4, 0.9, 0.8};
        boolean[] positive = {true, false, true, false, true, false};
        assertThat(Metrics.auc(scores, positive)).isCloseTo(7.0 / 9.0, within(1e-12));
        assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {false, false, true, true})).isEqualTo(1.0);
        assertThat(Metrics.auc(new double[] {0.1, 0.2, 0.3, 0.4}, new boolean[] {true, true, false, false})).isEqualTo(0.0);
        assertThat(Metrics.auc(new double[] {0.5, 0.5, 0.5}, new boolean[] {true, false, true})).isEqualTo(0.5);
        assertThat(Metrics.auc(new double[] {0.1, 0.2}, new boolean[] {true, true})).isNaN();
    }

    @Test
    void balancedAccuracyAndKappaOfAConfusionTable() {
        // tp 20, fp 5, fn 10, tn 15 (n 50): observed agreement 35/50 = 0.7; the decision says yes half the
        // time, the labels 60%: chance agreement 0.5 * 0.6 + 0.5 * 0.4 = 0.5; kappa (0.7 - 0.5) / 0.5 = 0.4
        Confusion confusion = new Confusion(20, 5, 10, 15);
        assertThat(confusion.kappa()).isCloseTo(0.4, within(1e-12));
        assertThat(confusion.balancedAccuracy()).isCloseTo((20.0 / 30 + 15.0 / 20) / 2, within(1e-12));
        assertThat(new Confusion(5, 0, 0, 5).kappa()).isEqualTo(1.0);
        assertThat(new Confusion(3, 3, 3, 3).kappa()).isEqualTo(0.0);
        assertThat(new Confusion(4, 0, 0, 0).kappa()).as("one class, agreeing: chance is perfect").isNaN();
        assertThat(new Confusion(0, 2, 0, 3).balancedAccuracy()).as("no positive label").isNaN();
    }

    @Test
    void confusionCountsFromArrays() {
        boolean[] decided = {true, true, false, false, true};
        boolean[] positive = {true, false, true, false, true};
        assertThat(Metrics.confusion(decided, positive)).isEqualTo(new Confusion(2, 1, 1, 1));
        assertThat(Metrics.balancedAccuracy(decided, positive)).isCloseTo((2.0 / 3 + 1.0 / 2) / 2, within(1e-12));
    }

    @Test
    void pearsonAndSpearmanWithTies() {
        // x = 1, 2, 3; y = 2, 4, 7: sxy 5, sxx 2, syy 114/9, r = 15 / sqrt(228)
        assertThat(Metrics.pearson(new double[] {1, 2, 3}, new double[] {2, 4, 7}))
                .isCloseTo(15 / Math.sqrt(228), within(1e-12));
        // ranks of x = 1, 2, 2, 3 are 1, 2.5, 2.5, 4; of y = 1, 3, 2, 4 themselves: sxy 4.5, sxx 4.5, syy 5
        assertThat(Metrics.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 4}))
                .isCloseTo(4.5 / Math.sqrt(4.5 * 5), within(1e-12));
        assertThat(Metrics.spearman(new double[] {1, 2, 3}, new double[] {10, 100, 1000})).isCloseTo(1.0, within(1e-12));
        assertThat(Metrics.pearson(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
        assertThat(Metrics.pearson(new double[] {1}, new double[] {1})).isNaN();
    }

    @Test
    void percentileInterpolatesBetweenRanks() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(Metrics.percentile(sorted, 0.5)).isEqualTo(2.5);
        assertThat(Metrics.percentile(sorted, 0.025)).isCloseTo(1.075, within(1e-12));
        assertThat(Metrics.percentile(sorted, 1)).isEqualTo(4);
        assertThat(Metrics.percentile(new double[] {7}, 0.975)).isEqualTo(7);
    }

    @Test
    void theOnePassAucOfAResampleEqualsTheRankSumAucOfTheResampleWrittenOut() {
        long seed = new Random().nextLong();
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            int n = 2 + random.nextInt(40);
            double[] scores = new double[n];
            boolean[] positive = new boolean[n];
            int[] counts = new int[n];
            for (int i = 0; i < n; i++) {
                scores[i] = random.nextInt(6) / 5.0; // few values: many ties
                if (random.nextInt(8) == 0) {
                    scores[i] = Double.NaN;
                }
                positive[i] = random.nextBoolean();
                counts[i] = random.nextInt(3);
            }
            List<Double> s = new ArrayList<>();
            List<Boolean> p = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < counts[i] && !Double.isNaN(scores[i]); c++) {
                    s.add(scores[i]);
                    p.add(positive[i]);
                }
            }
            double[] ss = s.stream().mapToDouble(Double::doubleValue).toArray();
            boolean[] pp = new boolean[p.size()];
            for (int i = 0; i < pp.length; i++) {
                pp[i] = p.get(i);
            }
            double expected = Metrics.auc(ss, pp);
            double actual = new SortedScores(scores, positive, null).auc(counts);
            if (Double.isNaN(expected)) {
                assertThat(actual).as("seed %d round %d", seed, round).isNaN();
            } else {
                assertThat(actual).as("seed %d round %d", seed, round).isCloseTo(expected, within(1e-12));
            }
        }
    }
}
