package dev.moravec.taxonomy.index.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.taxonomy.index.RankRange;
import dev.moravec.taxonomy.index.ScoreInterval;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntervalEstimatorTest {

    @Test
    void theIntervalRunsBetweenTheFifthAndNinetyFifthPercentileAndHoldsTheScore() {
        double[] oneToHundredOne = IntStream.rangeClosed(0, 100).mapToDouble(i -> i / 100.0).toArray();
        ScoreInterval middle = IntervalEstimator.interval(oneToHundredOne, 0.5);
        assertThat(middle.low()).isCloseTo(0.05, within(1e-12));
        assertThat(middle.high()).isCloseTo(0.95, within(1e-12));
        ScoreInterval widened = IntervalEstimator.interval(oneToHundredOne, 0.99);
        assertThat(widened.low()).isCloseTo(0.05, within(1e-12));
        assertThat(widened.high()).isEqualTo(0.99);
        double[] constant = new double[50];
        Arrays.fill(constant, 0.3);
        assertThat(IntervalEstimator.interval(constant, 0.3)).isEqualTo(new ScoreInterval(0.3, 0.3));
    }

    @Test
    void rowsThatNeverCrossKeepTheirRankAndRowsThatAlwaysTieRangeOverEachOther() {
        double[] low = IntStream.range(0, 200).mapToDouble(b -> 0.1 + b / 10_000.0).toArray();
        double[] high = IntStream.range(0, 200).mapToDouble(b -> 0.5 + b / 10_000.0).toArray();
        assertThat(IntervalEstimator.rankRanges(List.of(low, high), true))
                .containsExactly(new RankRange(1, 1), new RankRange(2, 2));
        assertThat(IntervalEstimator.rankRanges(List.of(high, low), false))
                .containsExactly(new RankRange(1, 1), new RankRange(2, 2));
        // two rows that swap places in every other resample: both range over ranks 1 to 2
        double[] a = IntStream.range(0, 200).mapToDouble(b -> b % 2 == 0 ? 0.2 : 0.4).toArray();
        double[] c = IntStream.range(0, 200).mapToDouble(b -> b % 2 == 0 ? 0.4 : 0.2).toArray();
        assertThat(IntervalEstimator.rankRanges(List.of(a, c, high), true))
                .containsExactly(new RankRange(1, 2), new RankRange(1, 2), new RankRange(3, 3));
    }
}
