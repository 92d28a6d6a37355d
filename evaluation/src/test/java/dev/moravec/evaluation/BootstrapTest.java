package dev.moravec.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static final double[] VALUES = {0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.6, 0.55, 0.3, 0.7};

    private static double mean(int[] counts) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += counts[i] * VALUES[i];
            n += counts[i];
        }
        return sum / n;
    }

    @Test
    void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
        List<Bootstrap.Statistic> statistics = List.of(BootstrapTest::mean);
        Estimate first = new Bootstrap(500, 42).estimate(VALUES.length, statistics).get(0);
        Estimate again = new Bootstrap(500, 42).estimate(VALUES.length, statistics).get(0);
        Estimate other = new Bootstrap(500, 43).estimate(VALUES.length, statistics).get(0);
        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(first.value()).isCloseTo(0.49, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(first.low()).isLessThan(first.value()).isGreaterThan(0.2);
        assertThat(first.high()).isGreaterThan(first.value()).isLessThan(0.8);
    }

    @Test
    void statisticsOfOneCallSeeTheSameResamples() {
        Bootstrap.Statistic mean = BootstrapTest::mean;
        Bootstrap.Statistic shifted = c -> mean(c) + 1;
        Bootstrap.Statistic difference = c -> shifted.of(c) - mean.of(c);
        List<Estimate> estimates = new Bootstrap(200, 7).estimate(VALUES.length, List.of(mean, shifted, difference));
        assertThat(estimates.get(1).low()).isCloseTo(estimates.get(0).low() + 1, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(estimates.get(2).low()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(estimates.get(2).high()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
    }

    @Test
    void anUndefinedFigureHasNoInterval() {
        Estimate e = new Bootstrap(10, 1).estimate(3, List.of(c -> Double.NaN)).get(0);
        assertThat(e).isEqualTo(Estimate.UNDEFINED);
        assertThat(e.isDefined()).isFalse();
        assertThatThrownBy(() -> new Bootstrap(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
