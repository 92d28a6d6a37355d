package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.testing.TestData;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} and {@code calibrate} on the real calibration labels ({@code exposure_labels_dev.tsv},
 * 8,881 tasks of 428 occupations) with the lexicon, as a new user runs them; skipped where the file is
 * absent.
 */
class EvaluationIT {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void evaluateAndCalibrateTheRealLabelsAndEvaluateConfigReproducesTheInSampleFigures() throws Exception {
        Path labels = TestData.require("calibration/exposure_labels_dev.tsv");
        CliFixture cli = new CliFixture(dir);

        long start = System.nanoTime();
        CliFixture.Run table = cli.run("evaluate", "--labels", labels.toString());
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("8,881 labelled tasks", "of 428 occupations", "Unmatched: none")
                .containsPattern("ROC AUC \\(S\\) +0\\.\\d{3} +\\[0\\.\\d{3}, 0\\.\\d{3}] +8,\\d{3}");
        assertThat(table.outLines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        System.out.printf("evaluate took %.1f s%n", (System.nanoTime() - start) / 1e9);

        JsonNode report = mapper.readTree(cli.run("evaluate", "--labels", labels.toString(), "--format", "json").out());
        assertThat(report.at("/labels/tasks").asInt()).isEqualTo(8881);
        assertThat(report.at("/labels/occupations").asInt()).isEqualTo(428);
        assertThat(report.get("matched").asInt()).isEqualTo(8881);
        assertThat(report.get("unmatchedCount").asInt()).isZero();
        assertThat(report.get("occupations").asInt()).isEqualTo(428);
        report.get("figures").properties().forEach(e -> {
            JsonNode f = e.getValue();
            assertThat(f.get("low").asDouble()).as(e.getKey()).isLessThanOrEqualTo(f.get("value").asDouble());
            assertThat(f.get("high").asDouble()).as(e.getKey()).isGreaterThanOrEqualTo(f.get("value").asDouble());
        });
        // the lexicon is far from chance on labels it was never tuned to
        assertThat(report.at("/figures/aucScore/value").asDouble()).isGreaterThan(0.6);
        assertThat(report.at("/figures/occupationSpearman/value").asDouble()).isGreaterThan(0.3);
        assertThat(report.get("majorGroups")).hasSize(22);
        assertThat(report.at("/scorers/0/scorer").asText()).isEqualTo("lexicon");

        start = System.nanoTime();
        Path config = dir.resolve("calibrated.json");
        CliFixture.Run calibrate = cli.run("calibrate", "--labels", labels.toString(), "--out", config.toString(),
                "--format", "json");
        assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
        System.out.printf("calibrate took %.1f s%n", (System.nanoTime() - start) / 1e9);
        JsonNode calibration = mapper.readTree(calibrate.out());
        assertThat(calibration.at("/folds/list")).hasSize(5);
        int occupations = 0;
        for (JsonNode fold : calibration.at("/folds/list")) {
            occupations += fold.get("occupations").asInt();
        }
        assertThat(occupations).as("every occupation in exactly one fold").isEqualTo(428);
        assertThat(calibration.at("/crossValidated/figures/balancedAccuracy/value").isNumber()).isTrue();
        assertThat(calibration.at("/inSample/figures/balancedAccuracy/value").asDouble())
                .isGreaterThanOrEqualTo(calibration.at("/uncalibrated/figures/balancedAccuracy/value").asDouble());

        JsonNode reproduced = mapper.readTree(cli.run("evaluate", "--labels", labels.toString(), "--config",
                config.toString(), "--format", "json").out());
        assertThat(reproduced.get("figures")).isEqualTo(calibration.at("/inSample/figures"));
        assertThat(reproduced.get("confusion")).isEqualTo(calibration.at("/inSample/confusion"));
        assertThat(reproduced.get("majorGroups")).isEqualTo(calibration.at("/inSample/majorGroups"));
    }
}
