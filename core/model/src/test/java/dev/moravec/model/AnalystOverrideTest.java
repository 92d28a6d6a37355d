package dev.moravec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AnalystOverrideTest {

    private static final LocalDate DATE = LocalDate.of(2026, 2, 1);
    private static final Scores LAGGING = Scores.of(0.2, 0.8, Thresholds.DEFAULT);

    private static AnalystOverride values(String task, Double t, Double v) {
        return new AnalystOverride("47-2152.00", task, t == null ? OptionalDouble.empty() : OptionalDouble.of(t),
                v == null ? OptionalDouble.empty() : OptionalDouble.of(v), null, "why", "who", DATE);
    }

    private static AnalystOverride quadrant(Quadrant quadrant) {
        return new AnalystOverride("47-2152.00", "921", OptionalDouble.empty(), OptionalDouble.empty(), quadrant, "why",
                "who", DATE);
    }

    @Test
    void valuesSetTheirAxesAndKeepTheOthersAndTheQuadrantFollows() {
        Scores t = values("921", 0.9, null).apply(LAGGING, Thresholds.DEFAULT);
        assertThat(t.transferability().getAsDouble()).isEqualTo(0.9);
        assertThat(t.verificationCost().getAsDouble()).isEqualTo(0.8);
        assertThat(t.score().getAsDouble()).isEqualTo(0.9 * (1 - 0.8), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(t.quadrant()).isEqualTo(Quadrant.VERIFICATION_BOUND);
        assertThat(values("921", null, 0.1).apply(LAGGING, Thresholds.DEFAULT).quadrant()).isEqualTo(Quadrant.KNOWLEDGE_BOUND);
        // a task no scorer rated on V stays unrated until the override gives V too
        Scores unrated = Scores.of(OptionalDouble.of(0.3), OptionalDouble.empty(), Thresholds.DEFAULT);
        assertThat(values("921", 0.9, null).apply(unrated, Thresholds.DEFAULT).quadrant()).isEqualTo(Quadrant.UNRATED);
        assertThat(values("921", 0.9, 0.2).apply(unrated, Thresholds.DEFAULT).quadrant()).isEqualTo(Quadrant.PURE_REASONING);
    }

    @Test
    void aQuadrantMovesOnlyTheAxesOnTheWrongSideToTheMiddleOfTheQuadrantsSide() {
        Scores pure = quadrant(Quadrant.PURE_REASONING).apply(LAGGING, Thresholds.DEFAULT);
        assertThat(pure.transferability().getAsDouble()).isEqualTo(0.75);
        assertThat(pure.verificationCost().getAsDouble()).isEqualTo(0.25);
        assertThat(pure.quadrant()).isEqualTo(Quadrant.PURE_REASONING);
        Scores verification = quadrant(Quadrant.VERIFICATION_BOUND).apply(LAGGING, Thresholds.DEFAULT);
        assertThat(verification.transferability().getAsDouble()).isEqualTo(0.75);
        assertThat(verification.verificationCost().getAsDouble()).as("already on the costly side").isEqualTo(0.8);
        Thresholds other = new Thresholds(0.6, 0.4);
        Scores knowledge = quadrant(Quadrant.KNOWLEDGE_BOUND).apply(Scores.of(0.7, 0.9, other), other);
        assertThat(knowledge.transferability().getAsDouble()).isEqualTo(0.3);
        assertThat(knowledge.verificationCost().getAsDouble()).isEqualTo(0.2);
        assertThat(knowledge.quadrant()).isEqualTo(Quadrant.KNOWLEDGE_BOUND);
        for (Quadrant q : List.of(Quadrant.PURE_REASONING, Quadrant.VERIFICATION_BOUND, Quadrant.KNOWLEDGE_BOUND,
                Quadrant.LAGGING)) {
            assertThat(quadrant(q).apply(Scores.UNRATED, other).quadrant()).isEqualTo(q);
        }
    }

    @Test
    void aTaskOverrideWinsOverItsOccupationsAndTwoForOneTargetAreRefused() {
        AnalystOverride occupation = values(null, 0.1, null);
        AnalystOverride task = values("921", 0.9, null);
        AnalystOverrides overrides = new AnalystOverrides(List.of(occupation, task), Thresholds.DEFAULT);
        assertThat(overrides.find("47-2152.00", "921")).contains(task);
        assertThat(overrides.find("47-2152.00", "922")).contains(occupation);
        assertThat(overrides.find("47-2152.00", null)).contains(occupation);
        assertThat(overrides.find("15-1252.00", "921")).isEmpty();
        assertThat(task.target()).isEqualTo("47-2152.00 task 921");
        assertThatThrownBy(() -> new AnalystOverrides(List.of(task, values("921", 0.2, null)), Thresholds.DEFAULT))
                .hasMessageContaining("two overrides for 47-2152.00 task 921");
    }

    @Test
    void anOverrideSaysWhatIsWrongWithIt() {
        assertThatThrownBy(() -> values("921", 1.5, null)).hasMessageContaining("transferability 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> values("921", null, null)).hasMessageContaining("nothing to override");
        assertThatThrownBy(() -> new AnalystOverride("47-2152", null, OptionalDouble.of(0.2), OptionalDouble.empty(), null,
                "why", "who", DATE)).hasMessageContaining("not an O*NET-SOC code");
        assertThatThrownBy(() -> new AnalystOverride("47-2152.00", null, OptionalDouble.of(0.2), OptionalDouble.empty(),
                Quadrant.LAGGING, "why", "who", DATE)).hasMessageContaining("not both");
        assertThatThrownBy(() -> new AnalystOverride("47-2152.00", null, OptionalDouble.of(0.2), OptionalDouble.empty(),
                null, " ", "who", DATE)).hasMessageContaining("reason is missing");
    }
}
