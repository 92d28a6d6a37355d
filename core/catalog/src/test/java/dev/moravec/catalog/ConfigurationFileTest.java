package dev.moravec.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationFileTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    private Path write(String json) throws Exception {
        return Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void readsEveryKeyAndKeepsDefaultsForMissingOnes() throws Exception {
        EngineConfig config = ConfigurationFile.read(write("""
                {"thresholds": {"transferability": 0.6},
                 "scorers": {"lexicon": {"weight": 2.5, "settings": {"file": "my.json"}}, "semantic": {"enabled": false}},
                 "taskTimeLimitMillis": 750}
                """), mapper);
        assertThat(config.thresholds()).isEqualTo(new Thresholds(0.6, 0.5));
        assertThat(config.scorer("lexicon").weight()).isEqualTo(2.5);
        assertThat(config.scorer("semantic").enabled()).isFalse();
        assertThat(config.scorer("other")).isEqualTo(ScorerSettings.DEFAULT);
        assertThat(config.taskTimeLimit()).isEqualTo(Duration.ofMillis(750));
        assertThat(config.quarantineAfter()).isEqualTo(EngineConfig.DEFAULT_QUARANTINE_AFTER);
        assertThat(config.scorerSettings()).containsExactly(java.util.Map.entry("lexicon", java.util.Map.of("file", "my.json")));
        assertThat(config.disabling(java.util.List.of("lexicon")).scorer("lexicon"))
                .isEqualTo(new ScorerSettings(2.5, false, java.util.Map.of("file", "my.json")));
        assertThat(ConfigurationFile.read(write("{}"), mapper)).isEqualTo(EngineConfig.defaults());
    }

    @Test
    void namesFileLineAndKeyOfAMistake() throws Exception {
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\n  \"threshold\": {}\n}"), mapper))
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith(dir.resolve("config.json") + ":2: unknown key 'threshold'; known keys there are");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"thresholds\": {\"transferability\": 1.5}}"), mapper))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("thresholds.transferability 1.5 is outside [0, 1]");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"scorers\": {\"lexicon\": {\"weight\": -1}}}"), mapper))
                .isInstanceOf(BadInputException.class)
                .hasMessageEndingWith("scorers.lexicon: weight -1.0 must be a finite number >= 0");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"quarantineAfter\": \"x\"}"), mapper))
                .isInstanceOf(BadInputException.class).hasMessageContaining(":1: ");
        assertThatThrownBy(() -> ConfigurationFile.read(dir.resolve("missing.json"), mapper))
                .isInstanceOf(BadInputException.class).hasMessageContaining("does not exist");
    }

    @Test
    void writesAFileThatReadsBackToTheSameConfiguration() throws Exception {
        EngineConfig config = new EngineConfig(new Thresholds(0.35, 0.6),
                java.util.Map.of("lexicon", new ScorerSettings(2.0, true, java.util.Map.of("file", "my.json")),
                        "semantic", new ScorerSettings(0.5, false, java.util.Map.of())),
                Duration.ofMillis(1234), 7);
        Path file = dir.resolve("sub/written.json");
        ConfigurationFile.write(config, file, mapper);
        assertThat(ConfigurationFile.read(file, mapper)).isEqualTo(config);
        assertThat(Files.readString(file)).contains("\"transferability\" : 0.35");
        ConfigurationFile.write(EngineConfig.defaults(), file, mapper);
        assertThat(ConfigurationFile.read(file, mapper)).isEqualTo(EngineConfig.defaults());
    }

    @Test
    void scenariosOfTheFileJoinTheBuiltInOnes() throws Exception {
        EngineConfig config = ConfigurationFile.read(write("""
                {"scenarios": {"judges": {"description": "panels that agree on taste", "relief": {"TASTE": 0.5}},
                               "robotics": {"relief": {"EMBODIMENT": 0.6}}}}
                """), mapper);
        assertThat(config.scenarios()).containsKeys("robotics", "multimodality", "autonomy", "memory", "judges");
        assertThat(config.scenario("judges").relief()).containsExactly(java.util.Map.entry(
                dev.moravec.api.BottleneckFactor.TASTE, 0.5));
        assertThat(config.scenario("robotics").relief(dev.moravec.api.BottleneckFactor.EMBODIMENT)).isEqualTo(0.6);
        assertThat(config.scenario("robotics+judges").name()).isEqualTo("robotics+judges");
        assertThatThrownBy(() -> config.scenario("teleportation")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("no scenario 'teleportation'").hasMessageContaining("judges");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"scenarios\": {\"x\": {\"relief\": {\"HANDS\": 1}}}}"),
                mapper)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("scenarios.x.relief: 'HANDS' is not a bottleneck factor");
        assertThatThrownBy(() -> ConfigurationFile.read(write("{\"scenarios\": {\"x\": {\"relief\": {\"TASTE\": 2}}}}"),
                mapper)).isInstanceOf(BadInputException.class).hasMessageContaining("outside [0, 1]");
        Path file = dir.resolve("written.json");
        ConfigurationFile.write(config, file, mapper);
        assertThat(ConfigurationFile.read(file, mapper)).isEqualTo(config);
    }
}
