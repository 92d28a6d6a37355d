package dev.moravec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.moravec.api.BottleneckFactor;
import org.junit.jupiter.api.Test;

/** The scenario names a user types on the command line or in a URL. */
class ScenarioNamesTest {

    private final EngineConfig config = EngineConfig.defaults();

    @Test
    void aPlusOrASpaceJoinsScenariosThatHappenTogether() throws Exception {
        Scenario plus = config.scenario("robotics+multimodality");
        Scenario space = config.scenario(" robotics multimodality ");   // a '+' in a URL's query arrives as a space
        assertThat(plus.name()).isEqualTo("robotics+multimodality");
        assertThat(space).isEqualTo(plus);
        // 1 - (1 - 0.5)(1 - 1.0): multimodality removes what robotics left of PERCEPTION
        assertThat(plus.relief(BottleneckFactor.PERCEPTION)).isCloseTo(1.0, within(1e-12));
        assertThat(plus.relief(BottleneckFactor.EMBODIMENT)).isCloseTo(1.0, within(1e-12));
        assertThat(plus.relief(BottleneckFactor.TASTE)).isZero();
    }

    @Test
    void anUnknownNameListsTheConfiguredOnes() {
        assertThatThrownBy(() -> config.scenario("robotics+teleportation"))
                .isInstanceOf(BadInputException.class)
                .hasMessageContaining("no scenario 'teleportation'")
                .hasMessageContaining("robotics, multimodality, autonomy, memory");
    }
}
