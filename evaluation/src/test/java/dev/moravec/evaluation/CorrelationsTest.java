package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Correlations against a plain oracle written here: ranks by counting, Pearson by its textbook formula. */
class CorrelationsTest {

    private static final long SEED = Long.getLong("tests.seed", System.nanoTime());

    @Test
    void spearmanAndPearsonEqualAnIndependentOracleOnRandomDataWithTies() {
        System.out.println("CorrelationsTest seed: -Dtests.seed=" + SEED);
        Random random = new Random(SEED);
        for (int round = 0; round < 50; round++) {
            int n = 3 + random.nextInt(60);
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(3) == 0 ? random.nextInt(4) : random.nextDouble(); // ties
                y[i] = 0.5 * x[i] + random.nextGaussian();
            }
            Correlations.Result result = Correlations.of(x, y, new Bootstrap(200, SEED, 0.9));
            String context = "round " + round + ", seed " + SEED;
            if (Double.isNaN(pearson(x, y))) {
                continue;
            }
            assertThat(result.pairs()).isEqualTo(n);
            assertThat(result.pearson().value()).as(context).isCloseTo(pearson(x, y), within(1e-9));
            assertThat(result.spearman().value()).as(context).isCloseTo(pearson(ranks(x), ranks(y)), within(1e-9));
            assertThat(result.spearman().low()).as(context).isLessThanOrEqualTo(result.spearman().high());
            assertThat(result.level()).isEqualTo(0.9);
        }
    }

    @Test
    void theIntervalsNarrowAroundAStrongCorrelationAndRepeatForTheSameSeed() {
        Random random = new Random(3);
        double[] x = new double[400];
        double[] y = new double[400];
        for (int i = 0; i < x.length; i++) {
            x[i] = random.nextDouble();
            y[i] = x[i] + 0.1 * random.nextGaussian();
        }
        Correlations.Result result = Correlations.of(x, y, new Bootstrap(500, 11, 0.9));
        assertThat(result.pearson().value()).isGreaterThan(0.9);
        assertThat(result.pearson().low()).isBetween(0.85, result.pearson().value());
        assertThat(result.pearson().high()).isBetween(result.pearson().value(), 1.0);
        assertThat(Correlations.of(x, y, new Bootstrap(500, 11, 0.9))).isEqualTo(result);
        assertThat(Correlations.of(new double[] {1, 2}, new double[] {2, 1}, new Bootstrap(100, 1, 0.9)).spearman()
                .isDefined()).isFalse();
    }

    /** Average ranks from 1, by counting the values below and equal. */
    private static double[] ranks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int below = 0;
            int equal = 0;
            for (double w : v) {
                if (w < v[i]) {
                    below++;
                } else if (w == v[i]) {
                    equal++;
                }
            }
            r[i] = below + (equal + 1) / 2.0;
        }
        return r;
    }

    private static double pearson(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }
        double cov = sxy - sx * sy / n;
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        return vx <= 1e-15 || vy <= 1e-15 ? Double.NaN : cov / Math.sqrt(vx * vy);
    }
}
