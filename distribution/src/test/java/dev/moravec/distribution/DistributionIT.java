package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.catalog.CatalogClassifier;
import dev.moravec.catalog.CatalogReaders;
import dev.moravec.catalog.CatalogSource;
import dev.moravec.catalog.OnError;
import dev.moravec.catalog.RunOutput;
import dev.moravec.catalog.RunSummary;
import dev.moravec.catalog.VerdictFormat;
import dev.moravec.host.HostOptions;
import dev.moravec.host.InstalledPlugins;
import dev.moravec.host.PluginHost;
import dev.moravec.host.PluginTrust;
import dev.moravec.host.VerifiedPlugins;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.taxonomy.sources.StarterCatalog;
import dev.moravec.testing.TestBundles;
import dev.moravec.testing.TestData;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembled distribution, run as a user runs it: its launcher, its bundles, its plugins. */
class DistributionIT {

    /** The examples of issue 13: a proof sketch, lifting and carrying, a web portal clicked through. */
    private static final String PROOF_SKETCH =
            "Write a proof sketch showing that a proposed voting rule violates independence of irrelevant alternatives";
    private static final String LIFTING = "Lift and carry furniture up stairs";
    private static final String PORTAL = "Update shipment records by clicking through the carrier's web portal";

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theEmbeddedFelixStartsEveryBundleOfTheDistributionAndClassifiesTheStarterCatalog() throws Exception {
        HostOptions options = new HostOptions(HostOptions.jarsIn(Distribution.HOME.resolve("bundles")),
                Distribution.HOME.resolve("plugins"), Map.of()).trusting(new VerifiedPlugins(
                        new InstalledPlugins(dir.resolve("none.json"), mapper), Distribution.HOME.resolve("plugins"),
                        Distribution.HOME.resolve("conf").resolve(VerifiedPlugins.SHIPPED_CHECKSUMS), false))
                .watching(java.time.Duration.ofSeconds(1));
        try (PluginHost host = PluginHost.start(options);
                ScoringEngine engine = new ScoringEngine(host.registry(), EngineConfig.defaults(), 2)) {
            assertThat(host.bundleStates()).containsKeys("org.apache.felix.scr 2.2.18")
                    .hasSizeGreaterThanOrEqualTo(6)
                    .allSatisfy((bundle, state) -> assertThat(state).as(bundle).isEqualTo("ACTIVE"));
            assertThat(host.registry().active()).extracting(h -> h.id()).contains("descriptors", "lexicon");
            assertThat(host.plugins()).allSatisfy(p -> {
                assertThat(p.trust().kind()).isEqualTo(PluginTrust.Kind.SHIPPED);
                assertThat(p.trust().reason()).startsWith("shipped with Moravec");
            });

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RunSummary summary = new CatalogClassifier(engine::classify, new CatalogReaders(mapper), StarterCatalog::title, 100, 2)
                    .run(List.of(new CatalogSource(StarterCatalog.NAME, StarterCatalog::open, OptionalLong.empty())),
                            Optional.empty(), new RunOutput(VerdictFormat.jsonLines(mapper), false, out,
                                    OutputStream.nullOutputStream(), mapper), OnError.FAIL, (r, b) -> {});
            assertThat(summary.rejected()).isZero();
            assertThat(summary.classified()).isEqualTo(summary.read()).isGreaterThanOrEqualTo(300);
            for (Quadrant quadrant : List.of(Quadrant.PURE_REASONING, Quadrant.VERIFICATION_BOUND,
                    Quadrant.KNOWLEDGE_BOUND, Quadrant.LAGGING)) {
                assertThat(summary.quadrants().get(quadrant)).as(quadrant.name()).isPositive();
            }
            assertThat(out.toString().lines()).hasSize((int) summary.classified());
        }
    }

    /**
     * The clear examples of the design, rated as a user rates them: through the launcher, with every
     * shipped scorer (the semantic one embedding through the host's service) and the shipped
     * configuration. Tasks easy to write but costly to check must stay VERIFICATION_BOUND: the scorer
     * that learned exposure labels must not erase the verification axis. Pure reasoning is checked by a
     * program or by a careful reader, theory work and proof sketches included; each record names how an
     * attempt is checked, and the examples of issue 13 name what holds them back.
     */
    @Test
    void theClearExamplesOfTheDesignLandInTheirQuadrants() throws Exception {
        Map<String, List<String>> examples = Map.of(
                "PURE_REASONING", List.of(
                        "Prove theorems about the convergence of iterative numerical methods",
                        "Write code that makes a failing unit test suite pass",
                        "Draft a legal brief supporting a motion to dismiss",
                        "Build a financial model of a company's cash flows in a spreadsheet",
                        "Derive the closed-form solution of a system of linear equations",
                        "Develop a theory that explains why some cities grow faster than others",
                        PROOF_SKETCH),
                "LAGGING", List.of(
                        "Install plumbing fixtures and connect drain pipes in bathrooms",
                        "Bathe, dress and feed elderly residents of a care home",
                        "Drive a city bus along its route and help passengers board",
                        "Edit raw video footage into scenes with the right pacing and mood",
                        "Enter customer orders into enterprise software screens one by one",
                        LIFTING),
                "VERIFICATION_BOUND", List.of(
                        "Write a marketing slogan that makes a new brand memorable to customers",
                        "Write the opening chapter of a novel that will keep readers turning pages",
                        "Advise a client in person on whether to accept a settlement offer"),
                "ANY", List.of(PORTAL));
        Path input = dir.resolve("examples.tsv");
        StringBuilder tsv = new StringBuilder("Task ID\tTask\n");
        examples.forEach((quadrant, statements) -> statements.forEach(
                statement -> tsv.append(quadrant).append('-').append(statement.hashCode()).append('\t')
                        .append(statement).append('\n')));
        Files.writeString(input, tsv);
        Path out = dir.resolve("examples.jsonl");

        Distribution.Run run = Distribution.run("classify", input.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).doesNotContain("warning");
        Map<String, JsonNode> records = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode record = mapper.readTree(line);
            records.put(record.get("statement").asText(), record);
        }
        assertThat(records).hasSize(17);
        for (JsonNode record : records.values()) {
            String expected = record.get("id").asText().replaceAll("-.*", "");
            String about = String.format("%s: T %s, V %s, %s, %s", record.get("statement").asText(),
                    record.get("transferability"), record.get("verificationCost"), record.get("verification"),
                    record.get("bottlenecks"));
            if (!expected.equals("ANY")) {
                assertThat(record.get("quadrant").asText()).as(about).isEqualTo(expected);
            }
            assertThat(record.get("ratings")).extracting(r -> r.get("scorer").asText())
                    .containsExactly("descriptors", "lexicon", "semantic");
            assertThat(record.get("verification").isTextual()).as(about).isTrue();
            if (expected.equals("PURE_REASONING")) {
                assertThat(record.get("verification").asText()).as(about).isIn("PROGRAM_CHECK", "READER_EVIDENT");
            }
        }
        assertThat(records.get(PROOF_SKETCH).get("verification").asText()).isEqualTo("READER_EVIDENT");
        assertThat(strongest(records.get(LIFTING))).isEqualTo("EMBODIMENT");
        assertThat(records.get(PORTAL).get("bottlenecks")).extracting(b -> b.get("factor").asText())
                .contains("COMPUTER_USE");
        assertThat(records.get("Edit raw video footage into scenes with the right pacing and mood").get("verification")
                .asText()).isEqualTo("TASTE");
    }

    private static String strongest(JsonNode record) {
        return record.get("bottlenecks").get(0).get("factor").asText();
    }

    @Test
    void theLauncherExplainsAProofSketchAsPureReasoning() throws Exception {
        Distribution.Run explained = Distribution.run("explain", PROOF_SKETCH);
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("Verdict:    PURE_REASONING").contains("verification READER_EVIDENT: ");
    }

    @Test
    void theLauncherListsPluginsAndExplainsTheIssuesExamples() throws Exception {
        Distribution.Run list = Distribution.run("plugins", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).containsPattern("lexicon +\\S+ +active");

        assertThat(list.out()).containsPattern("semantic +\\S+ +active").containsPattern("descriptors +\\S+ +active");

        Distribution.Run pure = Distribution.run("explain", "Write unit tests for existing software modules");
        assertThat(pure.out()).contains("Verdict:    PURE_REASONING").contains("'unit tests' -> ")
                .contains("learned exposure layer: ").contains("(similarity 0.");
        Distribution.Run lagging = Distribution.run("explain", "Trim trees and remove branches using chainsaws");
        assertThat(lagging.out()).contains("Verdict:    LAGGING").contains("'chainsaws' -> ");
    }

    @Test
    void theLauncherPassesJavaOptsAndClassifiesTheStarterCatalogToAFile() throws Exception {
        Path out = dir.resolve("starter.jsonl");
        Distribution.Run run = Distribution.run(Map.of("JAVA_OPTS", "-Xmx128m"), "classify", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(run.err()).contains("Read " + lines.size() + " = classified " + lines.size() + " + rejected 0.");
        JsonNode record = mapper.readTree(lines.get(0));
        assertThat(record.fieldNames()).toIterable().contains("id", "statement", "occupation", "transferability",
                "verificationCost", "score", "quadrant", "ratings");
    }

    @Test
    void hungAndBrokenPluginsDoNotHangOrStopTheProcess() throws Exception {
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        for (Path jar : HostOptions.jarsIn(Distribution.HOME.resolve("plugins"))) {
            Files.copy(jar, plugins.resolve(jar.getFileName()));
        }
        TestBundles.build(plugins.resolve("sleepy.jar"), "test.sleepy", "1.0.0",
                "dev.moravec.testing.plugins.sleepy", Map.of());
        TestBundles.build(plugins.resolve("throwing.jar"), "test.throwing", "1.0.0",
                "dev.moravec.testing.plugins.throwing", Map.of());
        Files.writeString(plugins.resolve("broken.jar"), "not a zip");
        Path config = Files.writeString(dir.resolve("config.json"), "{\"taskTimeLimitMillis\": 300}");
        Path input = Files.writeString(dir.resolve("tasks.csv"),
                "id,task\n1,slow work\n2,Write code\n3,slow again\n4,error in the checks\n5,leak a thread\n");
        // nobody installed these jars: without --allow-unverified none of them would run
        Distribution.Run refused = Distribution.run("plugins", "list", "--plugins", plugins.toString());
        assertThat(refused.out()).contains("sleepy.jar: not installed").contains("broken.jar: not installed");
        // the sleepy plugin sleeps ten minutes per slow task and the throwing one leaves a thread running for
        // ever; Distribution.run fails if the process does not end
        Distribution.Run run = Distribution.run("classify", input.toString(), "--plugins", plugins.toString(),
                "--allow-unverified", "--config", config.toString(), "--out", dir.resolve("out.jsonl").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: plugin broken.jar invalid")
                .contains("warning: plugin sleepy.jar runs unverified, run because of --allow-unverified: not installed")
                .contains("Read 5 = classified 5 + rejected 0.")
                .contains("Scorer sleepy: 0 failed, 2 timed out")
                .contains("Scorer throwing: 1 failed, 0 timed out")
                .contains("threw java.lang.AssertionError: deliberate error");
    }

    @Test
    void classifiesEveryOnetTaskStatementAndTheSummaryReconciles() throws Exception {
        Path statements = TestData.onetTaskStatements();
        Path out = dir.resolve("all.jsonl");
        Distribution.Run run = Distribution.run("classify", statements.toString(), "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        long records = Files.lines(out).count();
        assertThat(records).isEqualTo(18_796);
        assertThat(run.err()).contains("Classified 18,796 tasks")
                .contains("Read 18,796 = classified 18,796 + rejected 0.");
    }
}
