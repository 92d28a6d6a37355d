package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.TestData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped defaults reproduce from their documented command: {@code scripts/calibrate-defaults.sh},
 * run with the built distribution on the calibration labels, writes the configuration the
 * distribution ships and the semantic scorer's learned layer it embeds.
 */
class DefaultConfigurationIT {

    private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SHIPPED_CONFIG = PROJECT.resolve("distribution/src/conf/moravec.json");
    private static final Path SHIPPED_MODEL =
            PROJECT.resolve("plugins/semantic/src/main/resources/dev/moravec/semantic/exposure-model.json");

    @Test
    void calibrateDefaultsReproducesTheShippedConfigurationAndModel(@TempDir Path dir) throws Exception {
        Path data = TestData.require("calibration/exposure_labels_dev.tsv").getParent().getParent();
        TestData.require("onet/db_29_1_text");
        Path config = dir.resolve("moravec.json");
        Path model = dir.resolve("exposure-model.json");
        ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("scripts/calibrate-defaults.sh").toString(),
                data.toString());
        builder.environment().putAll(Map.of("MORAVEC", Distribution.HOME.resolve("bin/moravec").toString(),
                "CONFIG_OUT", config.toString(), "MODEL_OUT", model.toString()));
        Path log = dir.resolve("log.txt");
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = builder.start();
        boolean ended = process.waitFor(30, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(ended).as("the script ended within 30 minutes").isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(config.toFile())).as("the configuration the script wrote")
                .isEqualTo(mapper.readTree(SHIPPED_CONFIG.toFile()));
        assertSameModel(mapper.readTree(model.toFile()), mapper.readTree(SHIPPED_MODEL.toFile()), "");
    }

    // equal, numbers within what differences of floating-point rounding between CPUs could move
    private static void assertSameModel(JsonNode actual, JsonNode expected, String path) {
        if (expected.isNumber()) {
            assertThat(actual.isNumber()).as(path).isTrue();
            assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(),
                    org.assertj.core.api.Assertions.within(1e-4));
        } else if (expected.isContainerNode()) {
            assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
            if (expected.isArray()) {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameModel(actual.get(i), expected.get(i), path + "[" + i + "]");
                }
            } else {
                for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    assertThat(actual.has(name)).as(path + "." + name).isTrue();
                    assertSameModel(actual.get(name), expected.get(name), path + "." + name);
                }
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}
