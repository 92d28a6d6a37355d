package dev.moravec.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.BottleneckFactor;
import dev.moravec.api.VerificationMode;
import dev.moravec.model.BottleneckProfile;
import dev.moravec.model.Quadrant;
import dev.moravec.model.Scenario;
import dev.moravec.model.Scores;
import dev.moravec.model.Thresholds;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The properties a scenario's relief promises, on seeded random tasks and scenarios. */
class ReliefTest {

    private static final Thresholds THRESHOLDS = Thresholds.DEFAULT;

    @Test
    void reliefNeverLowersAScoreAndEveryMoveIsExplained() {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("ReliefTest seed: -Dtests.seed=" + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 5000; round++) {
            String context = "round " + round + " of seed " + seed;
            Scores scores = Scores.of(random.nextDouble(), random.nextDouble(), THRESHOLDS);
            BottleneckProfile profile = randomProfile(random);
            VerificationMode mode = random.nextBoolean() ? null
                    : VerificationMode.values()[random.nextInt(VerificationMode.values().length)];
            Relief relief = new Relief(randomScenario(random), THRESHOLDS);
            Relief.Moved moved = relief.apply(scores, profile, mode);
            double t = scores.transferability().getAsDouble();
            double v = scores.verificationCost().getAsDouble();
            double t2 = moved.after().transferability().getAsDouble();
            double v2 = moved.after().verificationCost().getAsDouble();
            assertThat(t2).as(context + ": T never falls").isGreaterThanOrEqualTo(t - 1e-12);
            assertThat(v2).as(context + ": V never rises").isLessThanOrEqualTo(v + 1e-12);
            assertThat(moved.after().score().getAsDouble()).as(context + ": S never falls")
                    .isGreaterThanOrEqualTo(scores.score().getAsDouble() - 1e-12);
            if (moved.movedBy().isEmpty()) {
                assertThat(moved.after()).as(context + ": an unexplained task does not move").isEqualTo(scores);
            }
            for (BottleneckFactor factor : moved.movedBy()) {
                assertThat(relief.scenario().relief(factor)).as(context + ": " + factor + " was relieved").isPositive();
                assertThat(profile.strength(factor)).as(context + ": " + factor + " held the task").isPositive();
            }
            // the arithmetic, written out plainly for each axis
            assertThat(t2).as(context + ": T").isCloseTo(t + (1 - t) * closed(profile, mode, relief.scenario(), Axis.TRANSFERABILITY),
                    within(1e-9));
            assertThat(v2).as(context + ": V").isCloseTo(v - v * closed(profile, mode, relief.scenario(), Axis.VERIFICATION_COST),
                    within(1e-9));
        }
    }

    @Test
    void aTaskWithoutFactorsDoesNotMove() {
        Scores scores = Scores.of(0.2, 0.8, THRESHOLDS);
        Scenario everything = everything();
        Relief.Moved moved = new Relief(everything, THRESHOLDS).apply(scores, BottleneckProfile.NONE, null);
        assertThat(moved.after()).isEqualTo(scores);
        assertThat(moved.movedBy()).isEmpty();
    }

    @Test
    void aTaskWhoseOnlyBottlenecksAreRelievedBecomesPureReasoning() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            Scores scores = Scores.of(random.nextDouble(), random.nextDouble(), THRESHOLDS);
            BottleneckProfile profile = randomProfile(random);
            if (profile.isEmpty()) {
                continue;
            }
            Relief.Moved moved = new Relief(everything(), THRESHOLDS).apply(scores, profile, VerificationMode.PHYSICAL_CHECK);
            boolean tHeld = profile.factors().stream().anyMatch(b -> b.factor().axis() == Axis.TRANSFERABILITY && b.strength() > 0);
            boolean vHeld = profile.factors().stream().anyMatch(b -> Relief.weighsOn(b.factor(), Axis.VERIFICATION_COST,
                    VerificationMode.PHYSICAL_CHECK) && b.strength() > 0);
            if (tHeld) {
                assertThat(moved.after().transferability().getAsDouble()).isCloseTo(1.0, within(1e-12));
            }
            if (vHeld) {
                assertThat(moved.after().verificationCost().getAsDouble()).isCloseTo(0.0, within(1e-12));
            }
            if (tHeld && vHeld) {
                assertThat(moved.after().quadrant()).isEqualTo(Quadrant.PURE_REASONING);
            }
        }
    }

    @Test
    void liftingFurnitureUnderRoboticsLeavesLagging() {
        BottleneckProfile profile = new BottleneckProfile(List.of(Bottleneck.of(BottleneckFactor.EMBODIMENT, 0.9, "lift"),
                Bottleneck.of(BottleneckFactor.PERCEPTION, 0.4, "see the stairs")));
        Scores before = Scores.of(0.15, 0.8, THRESHOLDS);
        Relief.Moved moved = new Relief(Scenario.DEFAULTS.get("robotics"), THRESHOLDS)
                .apply(before, profile, VerificationMode.PHYSICAL_CHECK);
        assertThat(before.quadrant()).isEqualTo(Quadrant.LAGGING);
        assertThat(moved.after().quadrant()).isNotEqualTo(Quadrant.LAGGING);
        assertThat(moved.movedBy()).containsExactly(BottleneckFactor.EMBODIMENT, BottleneckFactor.PERCEPTION);
        // combined scenarios compound their reliefs: robotics+multimodality removes PERCEPTION entirely
        Scenario both = Scenario.combine(List.of(Scenario.DEFAULTS.get("robotics"), Scenario.DEFAULTS.get("multimodality")));
        assertThat(both.relief(BottleneckFactor.PERCEPTION)).isCloseTo(1.0, within(1e-12));
        assertThat(both.name()).isEqualTo("robotics+multimodality");
    }

    private static double closed(BottleneckProfile profile, VerificationMode mode, Scenario scenario, Axis axis) {
        double before = 0;
        double after = 0;
        for (Bottleneck b : profile.factors()) {
            boolean counts = b.factor().axis() == axis
                    || (axis == Axis.VERIFICATION_COST && b.factor() == BottleneckFactor.PERCEPTION
                            && mode == VerificationMode.PHYSICAL_CHECK);
            if (counts) {
                before = Math.max(before, b.strength());
                after = Math.max(after, b.strength() * (1 - scenario.relief(b.factor())));
            }
        }
        return before > 0 ? (before - after) / before : 0;
    }

    private static BottleneckProfile randomProfile(Random random) {
        List<Bottleneck> factors = new ArrayList<>();
        for (BottleneckFactor f : BottleneckFactor.values()) {
            if (random.nextInt(3) == 0) {
                factors.add(Bottleneck.of(f, random.nextDouble(), "why"));
            }
        }
        return factors.isEmpty() ? BottleneckProfile.NONE : new BottleneckProfile(factors);
    }

    private static Scenario randomScenario(Random random) {
        Map<BottleneckFactor, Double> relief = new EnumMap<>(BottleneckFactor.class);
        for (BottleneckFactor f : BottleneckFactor.values()) {
            if (random.nextInt(3) == 0) {
                relief.put(f, random.nextInt(4) == 0 ? 1.0 : random.nextDouble());
            }
        }
        return new Scenario("random", "a random scenario", relief);
    }

    private static Scenario everything() {
        Map<BottleneckFactor, Double> all = new EnumMap<>(BottleneckFactor.class);
        for (BottleneckFactor f : BottleneckFactor.values()) {
            all.put(f, 1.0);
        }
        return new Scenario("everything", "every factor relieved", all);
    }
}
