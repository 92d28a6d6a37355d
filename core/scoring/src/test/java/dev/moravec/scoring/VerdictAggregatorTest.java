package dev.moravec.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.ScorerShare;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VerdictAggregatorTest {

    private static final Task TASK = Task.of("1", "Write code");

    @Test
    void quadrantsFollowTheThresholdsWithTheBoundariesInclusive() {
        Thresholds t = Thresholds.DEFAULT;
        assertThat(Quadrant.of(0.5, 0.5, t)).isEqualTo(Quadrant.PURE_REASONING);
        assertThat(Quadrant.of(0.5, 0.5001, t)).isEqualTo(Quadrant.VERIFICATION_BOUND);
        assertThat(Quadrant.of(0.4999, 0.5, t)).isEqualTo(Quadrant.KNOWLEDGE_BOUND);
        assertThat(Quadrant.of(0.1, 0.9, t)).isEqualTo(Quadrant.LAGGING);
        assertThat(Quadrant.of(0.7, 0.6, new Thresholds(0.7, 0.6))).isEqualTo(Quadrant.PURE_REASONING);
    }

    @Test
    void scoreIsTransferabilityTimesOneMinusVerificationCost() {
        VerdictAggregator aggregator = new VerdictAggregator(EngineConfig.defaults());
        Verdict verdict = aggregator.combine(TASK, List.of(ok("a", Rating.of(0.8, 0.25, 1, List.of("x")))));
        assertThat(verdict.score().getAsDouble()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void matchesAnOracleOnSeededRandomRatings() {
        long seed = 4242L;
        System.out.println("VerdictAggregatorTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            int scorers = 1 + random.nextInt(4);
            Map<String, ScorerSettings> settings = new HashMap<>();
            List<ScorerOutcome> outcomes = new ArrayList<>();
            double[] weight = new double[scorers];
            Double[] t = new Double[scorers];
            Double[] v = new Double[scorers];
            double[] confidence = new double[scorers];
            boolean[] ok = new boolean[scorers];
            for (int s = 0; s < scorers; s++) {
                String id = "s" + s;
                weight[s] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 3;
                settings.put(id, new ScorerSettings(weight[s], true, Map.of()));
                ok[s] = random.nextInt(6) != 0;
                t[s] = random.nextInt(4) == 0 ? null : random.nextDouble();
                v[s] = random.nextInt(4) == 0 ? null : random.nextDouble();
                confidence[s] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
                if (ok[s]) {
                    outcomes.add(ScorerOutcome.rated(id, "1", new Rating(opt(t[s]), opt(v[s]), confidence[s], List.of("e"))));
                } else {
                    outcomes.add(ScorerOutcome.unrated(id, "1", RatingStatus.FAILED, "failed"));
                }
            }
            Thresholds thresholds = new Thresholds(random.nextDouble(), random.nextDouble());
            EngineConfig config = new EngineConfig(thresholds, settings, Duration.ofSeconds(1), 3);
            Verdict verdict = new VerdictAggregator(config).combine(TASK, outcomes);

            Double expectedT = oracle(weight, t, confidence, ok);
            Double expectedV = oracle(weight, v, confidence, ok);
            String context = "round " + round + " of seed " + seed;
            // the shares combine the scorers' values into the verdict's, as the intervals combine them again
            List<ScorerShare> shares = new VerdictAggregator(config).shares(outcomes);
            assertThat(recombined(shares, t, true)).as(context).satisfies(r -> assertClose(r, expectedT));
            assertThat(recombined(shares, v, false)).as(context).satisfies(r -> assertClose(r, expectedV));
            if (expectedT == null || expectedV == null) {
                assertThat(verdict.quadrant()).as(context).isEqualTo(Quadrant.UNRATED);
                assertThat(verdict.score()).as(context).isEmpty();
            } else {
                assertThat(verdict.transferability().getAsDouble()).as(context).isCloseTo(expectedT, within(1e-9));
                assertThat(verdict.verificationCost().getAsDouble()).as(context).isCloseTo(expectedV, within(1e-9));
                assertThat(verdict.score().getAsDouble()).as(context)
                        .isCloseTo(expectedT * (1 - expectedV), within(1e-9));
                Quadrant expected = expectedT >= thresholds.transferability()
                        ? (expectedV <= thresholds.verificationCost() ? Quadrant.PURE_REASONING : Quadrant.VERIFICATION_BOUND)
                        : (expectedV <= thresholds.verificationCost() ? Quadrant.KNOWLEDGE_BOUND : Quadrant.LAGGING);
                assertThat(verdict.quadrant()).as(context).isEqualTo(expected);
            }
        }
    }

    /** The rule written out plainly: confidence-weighted mean; if no confidence, weight-only mean. */
    private static Double oracle(double[] weight, Double[] value, double[] confidence, boolean[] ok) {
        double num = 0, den = 0, plainNum = 0, plainDen = 0;
        for (int s = 0; s < weight.length; s++) {
            if (!ok[s] || value[s] == null || weight[s] == 0) {
                continue;
            }
            num += weight[s] * confidence[s] * value[s];
            den += weight[s] * confidence[s];
            plainNum += weight[s] * value[s];
            plainDen += weight[s];
        }
        if (den > 0) {
            return num / den;
        }
        return plainDen > 0 ? plainNum / plainDen : null;
    }

    private static Double recombined(List<ScorerShare> shares, Double[] values, boolean transferability) {
        double num = 0;
        double den = 0;
        for (int s = 0; s < shares.size(); s++) {
            double share = transferability ? shares.get(s).transferability() : shares.get(s).verificationCost();
            if (share > 0) {
                num += share * values[s];
                den += share;
            }
        }
        return den > 0 ? num / den : null;
    }

    private static void assertClose(Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-9));
        }
    }

    private static OptionalDouble opt(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    private static ScorerOutcome ok(String id, Rating rating) {
        return ScorerOutcome.rated(id, "1", rating);
    }
}
