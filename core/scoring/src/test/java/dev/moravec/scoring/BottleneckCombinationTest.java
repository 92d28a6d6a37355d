package dev.moravec.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The verdict's bottleneck profile and verification mode against the rule written out plainly, on
 * seeded random ratings: per factor, the mean strength of the scorers that name it, weighted by the
 * scorer's weight on the factor's axis times its confidence (by weight alone when every confidence is
 * 0); the mode with the most weight times confidence on verification cost, ties to the cheaper.
 */
class BottleneckCombinationTest {

    private static final Task TASK = Task.of("1", "Lift and carry furniture");

    @Test
    void matchesAnOracleOnSeededRandomRatings() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("BottleneckCombinationTest seed: -Dtests.seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            int scorers = 1 + random.nextInt(4);
            Map<String, ScorerSettings> settings = new HashMap<>();
            List<ScorerOutcome> outcomes = new ArrayList<>();
            double[] tWeight = new double[scorers];
            double[] vWeight = new double[scorers];
            double[] confidence = new double[scorers];
            boolean[] ok = new boolean[scorers];
            double[][] strength = new double[scorers][BottleneckFactor.values().length];
            VerificationMode[] mode = new VerificationMode[scorers];
            for (int s = 0; s < scorers; s++) {
                String id = "s" + s;
                tWeight[s] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 3;
                vWeight[s] = random.nextInt(5) == 0 ? 0 : random.nextDouble() * 3;
                settings.put(id, new ScorerSettings(vWeight[s], true, Map.of(), tWeight[s], vWeight[s]));
                ok[s] = random.nextInt(6) != 0;
                confidence[s] = random.nextInt(5) == 0 ? 0 : random.nextDouble();
                List<Bottleneck> named = new ArrayList<>();
                for (BottleneckFactor f : BottleneckFactor.values()) {
                    strength[s][f.ordinal()] = random.nextInt(3) == 0 ? random.nextDouble() : Double.NaN;
                    if (!Double.isNaN(strength[s][f.ordinal()])) {
                        named.add(Bottleneck.of(f, strength[s][f.ordinal()], "why " + f));
                    }
                }
                mode[s] = random.nextInt(3) == 0 ? null
                        : VerificationMode.values()[random.nextInt(VerificationMode.values().length)];
                Rating rating = new Rating(OptionalDouble.of(random.nextDouble()), OptionalDouble.of(random.nextDouble()),
                        confidence[s], List.of("e"), named, Optional.ofNullable(mode[s]));
                outcomes.add(ok[s] ? ScorerOutcome.rated(id, "1", rating)
                        : ScorerOutcome.unrated(id, "1", RatingStatus.FAILED, "failed"));
            }
            EngineConfig config = new EngineConfig(Thresholds.DEFAULT, settings, Duration.ofSeconds(1), 3);
            Verdict verdict = new VerdictAggregator(config).combine(TASK, outcomes);
            String context = "round " + round + " of seed " + seed;
            for (BottleneckFactor f : BottleneckFactor.values()) {
                double[] weight = f.axis() == Axis.TRANSFERABILITY ? tWeight : vWeight;
                Double expected = strength(weight, strength, f.ordinal(), confidence, ok);
                boolean named = verdict.bottlenecks().factors().stream().anyMatch(b -> b.factor() == f);
                assertThat(named).as(context + ": " + f + " is in the profile").isEqualTo(expected != null);
                if (expected != null) {
                    assertThat(verdict.bottlenecks().strength(f)).as(context + ": " + f).isCloseTo(expected, within(1e-9));
                }
            }
            assertThat(verdict.verification()).as(context + ": the mode").isEqualTo(mode(vWeight, confidence, ok, mode));
            for (int i = 1; i < verdict.bottlenecks().factors().size(); i++) {
                assertThat(verdict.bottlenecks().factors().get(i).strength()).as(context + ": strongest first")
                        .isLessThanOrEqualTo(verdict.bottlenecks().factors().get(i - 1).strength());
            }
        }
    }

    private static Double strength(double[] weight, double[][] strength, int f, double[] confidence, boolean[] ok) {
        double num = 0, den = 0, plainNum = 0, plainDen = 0;
        for (int s = 0; s < weight.length; s++) {
            if (!ok[s] || Double.isNaN(strength[s][f]) || weight[s] == 0) {
                continue;
            }
            num += weight[s] * confidence[s] * strength[s][f];
            den += weight[s] * confidence[s];
            plainNum += weight[s] * strength[s][f];
            plainDen += weight[s];
        }
        return den > 0 ? Double.valueOf(num / den) : plainDen > 0 ? Double.valueOf(plainNum / plainDen) : null;
    }

    private static VerificationMode mode(double[] weight, double[] confidence, boolean[] ok, VerificationMode[] mode) {
        double[] votes = new double[VerificationMode.values().length];
        boolean any = false;
        for (int s = 0; s < weight.length; s++) {
            if (ok[s] && mode[s] != null && weight[s] > 0) {
                votes[mode[s].ordinal()] += weight[s] * Math.max(confidence[s], 1e-9);
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        VerificationMode best = null;
        for (VerificationMode m : VerificationMode.values()) {
            if (best == null || votes[m.ordinal()] > votes[best.ordinal()]) {
                best = m;
            }
        }
        return best;
    }
}
