package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.ConfigurationFile;
import dev.moravec.model.EngineConfig;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} and {@code calibrate} through CommandLine.execute with the lexicon plugin, on 20
 * made-up labelled tasks of 5 occupations ({@code labels.tsv} beside this class).
 */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    private CliFixture cli;
    private Path labels;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void layOut() throws Exception {
        cli = new CliFixture(dir);
        try (InputStream in = EvaluateCommandTest.class.getResourceAsStream("labels.tsv")) {
            labels = dir.resolve("labels.tsv");
            Files.copy(in, labels);
        }
    }

    @Test
    void evaluatePrintsEveryFigureWithItsInterval() {
        CliFixture.Run run = cli.run("evaluate", "--labels", labels.toString(), "--resamples", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("labels.tsv, column human_exposure (E0/E1/E2), positive E1, E2",
                "20 labelled tasks (9 positive) of 5 occupations", "PURE_REASONING at T >= 0.50 and V <= 0.50",
                "Matched:   20 of 20 labelled tasks", "Unmatched: none")
                .containsPattern("ROC AUC \\(S\\) +[01]\\.\\d{3} +\\[[01]\\.\\d{3}, [01]\\.\\d{3}] +20\\n")
                .containsPattern("Cohen's kappa \\(PURE_REASONING\\) +-?\\d\\.\\d{3}")
                .containsPattern("Spearman \\(occupations\\) +-?\\d\\.\\d{3} .* 5\\n")
                .containsPattern("lexicon +\\S+ +20 +ROC AUC \\(S\\)")
                .containsPattern("15-0000 +Computer and Mathematical +4 ");
        assertThat(run.outLines()).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
        assertThat(run.err()).contains("Rated 20 labelled tasks with lexicon", "Evaluated in");
    }

    @Test
    void evaluateWritesAStableJsonDocumentAndTheSameSeedGivesTheSameFigures() throws Exception {
        CliFixture.Run run = cli.run("evaluate", "--labels", labels.toString(), "--format", "json", "--resamples", "200");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = mapper.readTree(run.out());
        assertThat(report.at("/labels/tasks").asInt()).isEqualTo(20);
        assertThat(report.at("/labels/positive/1").asText()).isEqualTo("E2");
        assertThat(report.at("/configuration/thresholds/transferability").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/bootstrap/resamples").asInt()).isEqualTo(200);
        assertThat(report.get("matched").asInt()).isEqualTo(20);
        for (String figure : new String[] {"aucScore", "aucTransferability", "aucOneMinusVerificationCost",
            "balancedAccuracy", "kappa", "occupationSpearman", "occupationPearson"}) {
            JsonNode f = report.at("/figures/" + figure);
            assertThat(f.get("value").isNumber()).as(figure).isTrue();
            assertThat(f.get("low").asDouble()).as(figure).isLessThanOrEqualTo(f.get("high").asDouble());
            assertThat(f.get("n").asInt()).as(figure).isPositive();
        }
        JsonNode c = report.get("confusion");
        assertThat(c.get("truePositive").asInt() + c.get("falsePositive").asInt() + c.get("falseNegative").asInt()
                + c.get("trueNegative").asInt()).isEqualTo(20);
        assertThat(report.at("/scorers/0/scorer").asText()).isEqualTo("lexicon");
        assertThat(report.get("majorGroups")).hasSize(5);
        assertThat(report.get("unmatched")).isEmpty();

        CliFixture.Run again = cli.run("evaluate", "--labels", labels.toString(), "--format", "json", "--resamples", "200");
        assertThat(mapper.readTree(again.out())).isEqualTo(report);
    }

    @Test
    void unmatchedLabelsAreCountedAndListedNeverDropped() throws Exception {
        Path catalog = Files.writeString(dir.resolve("catalog.csv"), """
                id,task,occupation code
                L01,Write unit tests for the billing service,15-1252.00
                X02,"  DEBUG SQL queries that time out on the reporting database.",15-1252.00
                L09,Frame walls with lumber and nails,47-2031.00
                L13,Climb trees with ropes to remove dead limbs,37-3013.00
                """);
        Path scores = dir.resolve("scores.jsonl");
        assertThat(cli.run("classify", catalog.toString(), "--out", scores.toString()).exitCode()).isZero();
        CliFixture.Run run = cli.run("evaluate", "--labels", labels.toString(), "--scores", scores.toString(),
                "--resamples", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Matched:   4 of 20 labelled tasks", "16 unmatched",
                "Unmatched: 16 labelled tasks matched no verdict by id or statement")
                .containsPattern("labels.tsv:5 +L04 +Carry server racks into the new data centre");
        assertThat(run.err()).contains("Read 4 verdicts from scores.jsonl and matched 4 of them to the labels");

        JsonNode json = mapper.readTree(cli.run("evaluate", "--labels", labels.toString(), "--scores",
                scores.toString(), "--resamples", "50", "--format", "json").out());
        assertThat(json.get("unmatchedCount").asInt()).isEqualTo(16);
        assertThat(json.get("unmatched")).hasSize(16);
        assertThat(json.at("/unmatched/0/id").asText()).isEqualTo("L03");
        assertThat(json.at("/unmatched/0/line").asInt()).isEqualTo(4);
    }

    @Test
    void aLabelFileWithAMissingColumnOrAnUnknownValueIsABadInput() throws Exception {
        CliFixture.Run missing = cli.run("evaluate", "--labels", labels.toString(), "--label-column", "exposure");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).startsWith("moravec: labels.tsv:1: no label column 'exposure' among the columns"
                + " 'O*NET-SOC Code', 'Task ID', 'Task', 'Task Type', 'Title', 'human_exposure': name the label column"
                + " with --label-column").doesNotContain("Exception");

        Path bad = Files.writeString(dir.resolve("bad.tsv"), Files.readString(labels).replace("Carpenters\tE1",
                "Carpenters\tE5"));
        CliFixture.Run unknown = cli.run("calibrate", "--labels", bad.toString(), "--out", dir.resolve("c.json").toString());
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).startsWith("moravec: bad.tsv:12: label 'E5' in column 'human_exposure' is not a"
                + " known value; known values are E0, E1, E2");
        assertThat(Files.exists(dir.resolve("c.json"))).isFalse();

        CliFixture.Run positive = cli.run("evaluate", "--labels", labels.toString(), "--positive", "E1,high");
        assertThat(positive.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(positive.err()).contains("--positive value 'high' is not a label of labels.tsv");
        assertThat(cli.run("evaluate").exitCode()).as("--labels is required").isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("evaluate", "--labels", labels.toString(), "--threads", "0").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void calibrateWritesAConfigurationWhoseInSampleFiguresEvaluateReproduces() throws Exception {
        Path config = dir.resolve("out/calibrated.json");
        CliFixture.Run table = cli.run("calibrate", "--labels", labels.toString(), "--out", config.toString(),
                "--folds", "3", "--resamples", "100");
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("Objective: weights: ROC AUC of S; thresholds: balanced accuracy of the PURE_REASONING decision",
                "3 folds grouped by occupation", "lexicon is the only scorer: its weight changes no verdict",
                "UNCALIBRATED", "CROSS-VALIDATED", "IN-SAMPLE (WRITTEN CONFIG)", "written to " + config,
                "moravec evaluate --labels " + labels + " --config " + config + " --resamples 100");
        EngineConfig written = ConfigurationFile.read(config, mapper);

        JsonNode calibrated = mapper.readTree(cli.run("calibrate", "--labels", labels.toString(), "--out",
                config.toString(), "--folds", "3", "--resamples", "100", "--format", "json").out());
        assertThat(ConfigurationFile.read(config, mapper)).as("deterministic for a seed").isEqualTo(written);
        assertThat(calibrated.at("/folds/list")).hasSize(3);
        assertThat(calibrated.at("/fitted/thresholds/transferability").asDouble())
                .isEqualTo(written.thresholds().transferability());
        assertThat(calibrated.at("/crossValidated/configuration/thresholds").isNull()).isTrue();

        JsonNode evaluated = mapper.readTree(cli.run("evaluate", "--labels", labels.toString(), "--config",
                config.toString(), "--resamples", "100", "--format", "json").out());
        assertThat(evaluated.get("figures")).isEqualTo(calibrated.at("/inSample/figures"));
        assertThat(evaluated.get("confusion")).isEqualTo(calibrated.at("/inSample/confusion"));

        CliFixture.Run classify = cli.run("explain", "Write unit tests", "--config", config.toString());
        assertThat(classify.exitCode()).as("classify and explain read the written configuration").isZero();
    }

    @Test
    void compareShowsBothConfigurationsAndThePairedDifference() throws Exception {
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{\"thresholds\": {\"transferability\": 0.3}}");
        CliFixture.Run run = cli.run("evaluate", "--labels", labels.toString(), "--compare", a.toString(), b.toString(),
                "--resamples", "100");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A:         " + a, "B:         " + b, "B - A", "T >= 0.30 and V <= 0.50")
                .containsPattern("ROC AUC \\(S\\) +[01]\\.\\d{3} \\[.*] +[01]\\.\\d{3} \\[.*] +\\+0\\.000 +\\[0\\.000, 0\\.000]");
        JsonNode json = mapper.readTree(cli.run("evaluate", "--labels", labels.toString(), "--compare", a.toString(),
                b.toString(), "--resamples", "100", "--format", "json").out());
        assertThat(json.at("/difference/aucScore/value").asDouble()).isZero();
        assertThat(json.at("/b/configuration/thresholds/transferability").asDouble()).isEqualTo(0.3);
    }

    @Test
    void aScorerDroppedIntoThePluginsFolderGetsItsOwnLinesAndCalibrateWeighsIt() throws Exception {
        cli.install("steady", "steady");
        CliFixture.Run run = cli.run("evaluate", "--labels", labels.toString(), "--resamples", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        // steady rates every task alike: its own figures are chance, exactly
        assertThat(run.out()).containsPattern("steady +1\\.0\\.0 +20 +ROC AUC \\(S\\) +0\\.500 ")
                .containsPattern("lexicon +\\S+ +20 +ROC AUC \\(S\\)")
                .contains("lexicon weight 1, steady weight 1");

        Path config = dir.resolve("mix.json");
        CliFixture.Run calibrate = cli.run("calibrate", "--labels", labels.toString(), "--out", config.toString(),
                "--folds", "2", "--resamples", "50");
        assertThat(calibrate.exitCode()).as(calibrate.err()).isZero();
        assertThat(calibrate.out()).contains("Weights:   each scorer's weight from 0, 0.25, 0.5, 1, 2, 4");
        EngineConfig mix = ConfigurationFile.read(config, mapper);
        assertThat(mix.scorers()).containsKeys("lexicon", "steady");
        assertThat(mix.scorer("lexicon").weight()).isPositive();
    }

    @Test
    void tooManyFoldsIsABadInput() {
        CliFixture.Run run = cli.run("calibrate", "--labels", labels.toString(), "--out",
                dir.resolve("c.json").toString(), "--folds", "6");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("cannot make 6 folds from 5 occupations");
        assertThat(cli.run("calibrate", "--labels", labels.toString(), "--out", "x.json", "--folds", "1").exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
