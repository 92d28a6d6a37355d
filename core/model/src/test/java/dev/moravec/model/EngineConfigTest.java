package dev.moravec.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineConfigTest {

    @Test
    void listsItsScorersByIdWhateverOrderTheyCameIn() {
        Map<String, ScorerSettings> given = new LinkedHashMap<>();
        for (String id : List.of("semantic", "lexicon", "zeta", "descriptors", "alpha", "mid", "beta", "omega")) {
            given.put(id, ScorerSettings.DEFAULT);
        }
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, given, EngineConfig.DEFAULT_TASK_TIME_LIMIT,
                EngineConfig.DEFAULT_QUARANTINE_AFTER);

        // a configuration file written from it (calibrate) must come out the same on every run
        assertThat(config.scorers().keySet())
                .containsExactly("alpha", "beta", "descriptors", "lexicon", "mid", "omega", "semantic", "zeta");
        assertThatThrownBy(() -> config.scorers().put("x", ScorerSettings.DEFAULT))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
