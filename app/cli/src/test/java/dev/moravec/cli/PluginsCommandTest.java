package dev.moravec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.JsonViews;
import dev.moravec.app.Session;
import dev.moravec.app.SessionOptions;
import dev.moravec.testing.TestBundles;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moravec plugins list|install|remove|enable|disable|info}, on a distribution laid out in a temporary folder. */
class PluginsCommandTest {

    @TempDir
    Path dir;

    private CliFixture cli;
    private Path built;

    @BeforeEach
    void setUp() throws Exception {
        cli = new CliFixture(dir);
        built = Files.createDirectories(dir.resolve("built"));
    }

    private Path build(String file, String name, String version, String testPackage, Map<String, String> headers)
            throws Exception {
        return TestBundles.build(built.resolve(file), "test." + name, version, "dev.moravec.testing.plugins." + testPackage,
                headers);
    }

    private List<String> pluginFiles() throws Exception {
        try (var files = Files.list(cli.plugins())) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void installChecksTheJarFirstAndChangesNothingWhenItFails() throws Exception {
        List<String> before = pluginFiles();
        Path corrupt = Files.writeString(built.resolve("corrupt.jar"), "this is not a zip file");
        Path plain = built.resolve("plain.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(plain))) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("no manifest".getBytes());
        }
        Path unresolvable = build("unresolvable.jar", "unresolvable", "1.0.0", "steady",
                Map.of("Import-Package", "org.example.missing;version=\"[1.2,2)\",*"));
        Path failing = build("failing.jar", "failing", "1.0.0", "failing", Map.of());
        Path library = build("library.jar", "library", "1.0.0", "steady", Map.of("-dsannotations", "!*"));

        Map<Path, String> reasons = Map.of(
                corrupt, "cannot install " + corrupt + ": not a jar file",
                plain, "not an OSGi bundle (its META-INF/MANIFEST.MF has no Bundle-SymbolicName)",
                unresolvable, "it does not resolve against the running framework: missing imports: org.example.missing [1.2.0,2.0.0)",
                failing, "it resolves but its scorer does not start: component dev.moravec.testing.plugins.failing.FailingScorer"
                        + " failed to activate: IllegalStateException: the model file is missing",
                library, "it registers no scorer: the bundle started but registered no TaskScorer service");
        for (Map.Entry<Path, String> jar : reasons.entrySet()) {
            CliFixture.Run run = cli.run("plugins", "install", jar.getKey().toString());
            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(run.err()).contains(jar.getValue()).contains("Nothing was changed");
        }
        assertThat(pluginFiles()).isEqualTo(before);
        assertThat(dir.resolve("data").resolve("installed-plugins.json")).doesNotExist();
    }

    @Test
    void anInstalledJarRunsUntilItChangesAndIsRefusedUntilInstalledAgain() throws Exception {
        Path jar = build("steady-1.0.0.jar", "steady", "1.0.0", "steady", Map.of());
        CliFixture.Run install = cli.run("plugins", "install", jar.toString());
        assertThat(install.exitCode()).as(install.err()).isZero();
        assertThat(install.out()).contains("Installed steady-1.0.0.jar (bundle test.steady 1.0.0) into " + cli.plugins())
                .contains("Scorer steady 1.0.0 rates transferability, verificationCost: rates every task alike");
        assertThat(cli.plugins().resolve("steady-1.0.0.jar")).hasSameBinaryContentAs(jar);
        assertThat(Files.readString(dir.resolve("data").resolve("installed-plugins.json")))
                .contains("\"steady-1.0.0.jar\"").contains(CliFixture.sha256(jar));
        assertThat(cli.run("explain", "Write code").out()).contains("steady as ever");

        // someone replaces the installed jar: it no longer runs, and the commands say why
        build("steady-1.0.0.jar", "steady", "1.0.0", "throwing", Map.of());
        Files.copy(built.resolve("steady-1.0.0.jar"), cli.plugins().resolve("steady-1.0.0.jar"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        CliFixture.Run tampered = cli.run("explain", "Write code");
        assertThat(tampered.exitCode()).isZero();
        assertThat(tampered.out()).doesNotContain("steady as ever");
        assertThat(tampered.err()).contains("warning: plugin steady-1.0.0.jar refused: changed since it was installed on ");
        assertThat(cli.run("plugins", "list").out()).containsPattern("- +- +refused +- +refused +- +steady-1\\.0\\.0\\.jar");

        // installing it again is how the user says the change is wanted
        CliFixture.Run again = cli.run("plugins", "install", cli.plugins().resolve("steady-1.0.0.jar").toString());
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(cli.run("plugins", "list").out()).containsPattern("throwing +1\\.0\\.0 +active +transferability, verificationCost +installed");
    }

    @Test
    void ofTwoVersionsOfAScorerTheNewestIsActiveAndRemoveTakesThemAll() throws Exception {
        Path one = build("versioned-1.jar", "versioned", "1.0.0", "versioned", Map.of());
        Path two = build("versioned-2.jar", "versioned", "2.0.0", "versioned", Map.of());
        assertThat(cli.run("plugins", "install", two.toString()).exitCode()).isZero();
        CliFixture.Run older = cli.run("plugins", "install", one.toString());
        assertThat(older.out()).contains("(version 2.0.0 beside it is newer and stays active; this one is inactive)");
        CliFixture.Run list = cli.run("plugins", "list");
        assertThat(list.out()).containsPattern("versioned +1\\.0\\.0 +inactive \\(a newer version is active\\)")
                .containsPattern("versioned +2\\.0\\.0 +active");
        assertThat(cli.run("explain", "Write code").out()).contains("version 2.0.0").doesNotContain("version 1.0.0");

        CliFixture.Run remove = cli.run("plugins", "remove", "versioned");
        assertThat(remove.exitCode()).as(remove.err()).isZero();
        assertThat(remove.out()).contains("Removed versioned-1.jar").contains("Removed versioned-2.jar");
        assertThat(pluginFiles()).doesNotContain("versioned-1.jar", "versioned-2.jar");
        assertThat(Files.readString(dir.resolve("data").resolve("installed-plugins.json"))).doesNotContain("versioned");

        CliFixture.Run shipped = cli.run("plugins", "remove", "lexicon");
        assertThat(shipped.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(shipped.err()).contains("lexicon ships with Moravec").contains("'moravec plugins disable lexicon'");
        CliFixture.Run unknown = cli.run("plugins", "remove", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("no scorer 'nobody' in the plugins folder").contains("its scorers are lexicon");
    }

    @Test
    void disableKeepsAScorerInstalledButUnaskedUntilEnabled() throws Exception {
        cli.install("steady", "steady");
        CliFixture.Run disable = cli.run("plugins", "disable", "steady");
        assertThat(disable.exitCode()).as(disable.err()).isZero();
        assertThat(cli.run("plugins", "list").out()).containsPattern("steady +1\\.0\\.0 +disabled");
        assertThat(cli.run("explain", "Write code").out()).doesNotContain("steady as ever").contains("lexicon");
        assertThat(cli.run("plugins", "enable", "steady").exitCode()).isZero();
        assertThat(cli.run("explain", "Write code").out()).contains("steady as ever");
        assertThat(cli.run("plugins", "disable", "nobody").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void infoShowsIdentityWiringSettingsAndHealth() throws Exception {
        cli.install("configurable", "configurable");
        cli.install("throwing", "throwing");
        Path config = Files.writeString(dir.resolve("config.json"),
                "{\"scorers\": {\"configurable\": {\"weight\": 2, \"settings\": {\"label\": \"set here\"}}}}");
        CliFixture.Run info = cli.run("plugins", "info", "configurable", "--config", config.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("Scorer:    configurable 1.0.0")
                .contains("Axes:      transferability")
                .contains("State:     active")
                .contains("Verified:  installed ")
                .contains("Bundle:    test.configurable 1.0.0, ACTIVE; plugin active")
                .containsPattern("Imports: +dev\\.moravec\\.api 1\\.3\\.0 from the host")
                .contains("Config:    weight T 2 / V 2")
                .containsPattern("transferability +Double +0\\.5 +\\(default\\) +the transferability every task gets")
                .containsPattern("label +String +plain +set here +the evidence given")
                .containsPattern("Health: +on the 486 tasks of the built-in starter catalog: 486 rated, 0 abstained, 0 failed,"
                        + " 0 timed out; not quarantined");

        CliFixture.Run throwing = cli.run("plugins", "info", "throwing");
        assertThat(throwing.out()).contains("Settings:  none declared").containsPattern("failed, 0 timed out");

        Path wrong = Files.writeString(dir.resolve("wrong.json"),
                "{\"scorers\": {\"configurable\": {\"settings\": {\"transferability\": 7}}}}");
        CliFixture.Run classify = cli.runWithInput("id,task\n1,Write code\n", "classify", "-", "--config", wrong.toString());
        assertThat(classify.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(classify.err()).contains("scorer 'configurable', setting 'transferability'"
                + " (scorers.configurable.settings.transferability): '7' is greater than the largest value allowed");
        assertThat(cli.run("plugins", "list", "--config", wrong.toString()).out())
                .containsPattern("- +- +misconfigured");
    }

    @Test
    void listAsJsonIsTheApisViewOfThePluginsAndTheTableStaysTheDefault() throws Exception {
        Path steady = build("steady.jar", "steady", "1.0.0", "steady", Map.of());
        assertThat(cli.run("plugins", "install", steady.toString()).exitCode()).isZero();
        assertThat(cli.run("plugins", "disable", "steady").exitCode()).isZero();
        Files.writeString(cli.plugins().resolve("stray.jar"), "never installed");

        CliFixture.Run run = cli.run("plugins", "list", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(run.out());
        assertThat(fields(json)).containsExactly("pluginsDir", "activeScorers", "plugins");
        assertThat(json.get("pluginsDir").asText()).isEqualTo(cli.plugins().toString());
        assertThat(json.get("activeScorers")).extracting(JsonNode::asText).containsExactly("lexicon");

        JsonNode installed = plugin(json, "steady.jar");
        assertThat(fields(installed)).containsExactly("file", "bundle", "state", "problem", "sha256", "verified", "scorers");
        assertThat(installed.get("bundle").asText()).isEqualTo("test.steady 1.0.0");
        assertThat(installed.get("state").asText()).isEqualTo("active");
        assertThat(installed.get("problem").isNull()).isTrue();
        assertThat(installed.get("sha256").asText()).isEqualTo(CliFixture.sha256(steady));
        assertThat(installed.get("verified").asText()).startsWith("installed ").endsWith("(SHA-256 matches the record)");
        assertThat(installed.get("scorers")).hasSize(1);
        JsonNode scorer = installed.get("scorers").get(0);
        assertThat(fields(scorer)).containsExactly("id", "version", "description", "axes", "state", "rated", "failed",
                "timedOut");
        assertThat(scorer.get("id").asText()).isEqualTo("steady");
        assertThat(scorer.get("version").asText()).isEqualTo("1.0.0");
        assertThat(scorer.get("axes")).extracting(JsonNode::asText).containsExactly("transferability", "verificationCost");
        assertThat(scorer.get("state").asText()).isEqualTo("disabled");
        assertThat(scorer.get("rated").asInt()).isZero();

        JsonNode stray = plugin(json, "stray.jar");
        assertThat(stray.get("state").asText()).isEqualTo("refused");
        assertThat(stray.get("bundle").isNull()).isTrue();
        assertThat(stray.get("verified").asText()).startsWith("not installed (SHA-256 ").isEqualTo(stray.get("problem").asText());
        assertThat(stray.get("scorers")).isEmpty();

        // the very document the API's view gives for the same folder: nothing added, dropped or reworded
        try (Session session = Session.start(cli.environment("", new ByteArrayOutputStream()),
                new SessionOptions(null, null, false, null), mapper, null, false)) {
            JsonNode view = new JsonViews(mapper).plugins(session.host(), session.engine(1, false));
            assertThat(json).isEqualTo(mapper.readTree(mapper.writeValueAsString(view))); // as a client reads it
        }

        CliFixture.Run table = cli.run("plugins", "list", "--format", "table");
        assertThat(table.out()).isEqualTo(cli.run("plugins", "list").out())
                .containsPattern("steady +1\\.0\\.0 +disabled +transferability, verificationCost +installed");
        CliFixture.Run csv = cli.run("plugins", "list", "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(csv.err()).contains("--format").contains("table, json");
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode plugin(JsonNode json, String file) {
        return StreamSupport.stream(json.get("plugins").spliterator(), false)
                .filter(p -> p.get("file").asText().equals(file)).findFirst().orElseThrow();
    }
}
