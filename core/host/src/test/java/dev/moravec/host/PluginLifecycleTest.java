package dev.moravec.host;

import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.api.Task;
import dev.moravec.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The life of a plugin in the real embedded Felix: its settings checked against its metatype, its jar
 * verified before it runs, and jars added, replaced and removed while the host runs and rates.
 */
class PluginLifecycleTest {

    @TempDir
    static Path built;

    @TempDir
    Path plugins;

    @TempDir
    Path home;

    @BeforeAll
    static void buildPlugins() throws Exception {
        TestBundles.build(built.resolve("steady.jar"), "test.steady", "1.0.0", "dev.moravec.testing.plugins.steady", Map.of());
        TestBundles.build(built.resolve("configurable.jar"), "test.configurable", "1.0.0",
                "dev.moravec.testing.plugins.configurable", Map.of());
        TestBundles.build(built.resolve("versioned-1.jar"), "test.versioned", "1.0.0",
                "dev.moravec.testing.plugins.versioned", Map.of());
        TestBundles.build(built.resolve("versioned-2.jar"), "test.versioned", "2.0.0",
                "dev.moravec.testing.plugins.versioned", Map.of());
        TestBundles.build(built.resolve("unresolvable.jar"), "test.unresolvable", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of("Import-Package", "org.example.missing;version=\"[1.2,2)\",*"));
        Files.write(built.resolve("corrupt.jar"), "this is not a zip file".getBytes());
    }

    private Path add(String jar) throws Exception {
        return Files.copy(built.resolve(jar), plugins.resolve(jar));
    }

    private PluginHost start(Map<String, Map<String, String>> settings) throws Exception {
        return PluginHost.start(new HostOptions(TestBundles.runtimeBundles(), plugins, settings));
    }

    private static PluginStatus status(PluginHost host, String file) {
        return host.plugins().stream().filter(p -> p.file().getFileName().toString().equals(file)).findFirst().orElseThrow();
    }

    @Test
    void settingsReachTheScorerAndWrongOnesAreRefusedNamingScorerAndSetting() throws Exception {
        add("configurable.jar");
        add("steady.jar");
        try (PluginHost host = start(Map.of("configurable", Map.of("transferability", "0.9", "label", "from the file")));
                ScoringEngine engine = new ScoringEngine(host.registry(), EngineConfig.defaults(), 1)) {
            Verdict verdict = engine.classify(Task.of("1", "Write a report"));
            ScorerOutcome outcome = verdict.outcomes().stream().filter(o -> o.scorer().equals("configurable")).findFirst()
                    .orElseThrow();
            assertThat(outcome.rating().transferability()).hasValue(0.9);
            assertThat(outcome.rating().evidence()).containsExactly("from the file");
            ScorerHandle handle = host.registry().active().get(0);
            assertThat(host.settings(handle)).containsExactly(
                    new ScorerSetting("transferability", "Double", "0.5", "the transferability every task gets", List.of(), "0.9"),
                    new ScorerSetting("label", "String", "plain", "the evidence given", List.of(), "from the file"));
        }
        Map<Map<String, String>, String> wrong = Map.of(
                Map.of("transferability", "1.5"), "scorer 'configurable', setting 'transferability'"
                        + " (scorers.configurable.settings.transferability): '1.5' is greater than the largest value allowed"
                        + " (the transferability every task gets)",
                Map.of("transferability", "high"), "'high' is not a valid Double",
                Map.of("colour", "red"), "setting 'colour' (scorers.configurable.settings.colour): the scorer has no such"
                        + " setting; its settings are transferability, label");
        for (Map.Entry<Map<String, String>, String> settings : wrong.entrySet()) {
            try (PluginHost host = start(Map.of("configurable", settings.getKey()))) {
                PluginStatus status = status(host, "configurable.jar");
                assertThat(status.state()).isEqualTo(PluginState.MISCONFIGURED);
                assertThat(status.problem()).contains(settings.getValue());
                assertThat(host.registry().all()).extracting(ScorerHandle::id).containsExactly("steady");
            }
        }
        try (PluginHost host = start(Map.of("steady", Map.of("speed", "1")))) {
            assertThat(status(host, "steady.jar").problem()).isEqualTo("scorer 'steady' declares no settings, but the"
                    + " configuration sets scorers.steady.settings [speed]; remove them");
        }
        // a value the scorer itself refuses as it starts (a file it cannot read, say) is wrong settings too
        try (PluginHost host = start(Map.of("configurable", Map.of("label", "refuse")))) {
            PluginStatus status = status(host, "configurable.jar");
            assertThat(status.state()).isEqualTo(PluginState.MISCONFIGURED);
            assertThat(status.problem()).isEqualTo("it did not start with the settings the configuration gives it"
                    + " (scorers.configurable.settings [label]): component"
                    + " dev.moravec.testing.plugins.configurable.ConfigurableScorer failed to activate:"
                    + " IllegalArgumentException: the label 'refuse' is refused, as a scorer refuses a file it cannot read");
        }
    }

    @Test
    void onlyVerifiedJarsRunAndAChangedJarIsRefusedWithTheReason() throws Exception {
        Path steady = add("steady.jar");
        Path configurable = add("configurable.jar");
        Path shipped = Files.copy(built.resolve("versioned-1.jar"), plugins.resolve("versioned.jar"));
        Path checksums = Files.writeString(home.resolve("shipped.sha256"),
                sha256(shipped) + " *versioned.jar\n");
        InstalledPlugins record = new InstalledPlugins(home.resolve(InstalledPlugins.FILE_NAME), new ObjectMapper());
        record.record(plugins, "steady.jar", new InstalledPlugins.Jar(sha256(steady), "2026-11-26T10:00:00Z",
                "test.steady 1.0.0", List.of("steady")));
        record.record(plugins, "configurable.jar", new InstalledPlugins.Jar("0".repeat(64), "2026-11-26T10:00:00Z",
                "test.configurable 1.0.0", List.of("configurable")));
        Path unknown = add("corrupt.jar");

        VerifiedPlugins rule = new VerifiedPlugins(record, plugins, checksums, false);
        HostOptions options = new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()).trusting(rule);
        try (PluginHost host = PluginHost.start(options)) {
            assertThat(host.registry().all()).extracting(ScorerHandle::id).containsExactly("steady", "versioned");
            assertThat(status(host, "steady.jar").trust()).isEqualTo(new PluginTrust.Decision(PluginTrust.Kind.INSTALLED,
                    "installed 2026-11-26T10:00:00Z (SHA-256 matches the record)"));
            assertThat(status(host, "versioned.jar").trust().kind()).isEqualTo(PluginTrust.Kind.SHIPPED);
            assertThat(status(host, "versioned.jar").trust().reason()).startsWith("shipped with Moravec");
            PluginStatus changed = status(host, "configurable.jar");
            assertThat(changed.state()).isEqualTo(PluginState.REFUSED);
            assertThat(changed.trust().kind()).isEqualTo(PluginTrust.Kind.REFUSED);
            assertThat(changed.trust().reason()).isEqualTo(changed.problem());
            assertThat(changed.problem()).startsWith("changed since it was installed on 2026-11-26T10:00:00Z (recorded SHA-256"
                    + " 000000000000..., now " + sha256(configurable).substring(0, 12) + "...); if you trust this jar,"
                    + " run 'moravec plugins install " + configurable + "'");
            assertThat(status(host, "corrupt.jar").problem()).startsWith("not installed (SHA-256 "
                    + sha256(unknown).substring(0, 12));
            // a refused jar never reaches the framework, so none of its code ran
            assertThat(host.bundleStates()).doesNotContainKey("test.configurable 1.0.0");
        }
        try (PluginHost host = PluginHost.start(options.trusting(new VerifiedPlugins(record, plugins, checksums, true)))) {
            assertThat(host.registry().all()).extracting(ScorerHandle::id).containsExactly("configurable", "steady", "versioned");
            assertThat(status(host, "configurable.jar").trust().kind()).isEqualTo(PluginTrust.Kind.UNVERIFIED);
            assertThat(status(host, "configurable.jar").trust().reason()).startsWith("unverified, run because of"
                    + " --allow-unverified: changed since it was installed");
            assertThat(status(host, "corrupt.jar").state()).isEqualTo(PluginState.INVALID);
        }
    }

    @Test
    void tryingAJarSaysWhyItCannotRunAndLeavesNothingBehind() throws Exception {
        add("steady.jar");
        try (PluginHost host = start(Map.of())) {
            PluginStatus good = host.tryPlugin(built.resolve("configurable.jar"), null);
            assertThat(good.state()).isEqualTo(PluginState.ACTIVE);
            assertThat(good.scorers()).extracting(ScorerHandle::id).containsExactly("configurable");
            PluginStatus unresolvable = host.tryPlugin(built.resolve("unresolvable.jar"), null);
            assertThat(unresolvable.state()).isEqualTo(PluginState.FAILED_TO_RESOLVE);
            assertThat(unresolvable.problem()).startsWith("missing imports: org.example.missing [1.2.0,2.0.0)");
            assertThat(host.tryPlugin(built.resolve("corrupt.jar"), null).state()).isEqualTo(PluginState.INVALID);

            assertThat(host.registry().all()).extracting(ScorerHandle::id).containsExactly("steady");
            assertThat(host.plugins()).extracting(p -> p.file().getFileName().toString()).containsExactly("steady.jar");
            assertThat(host.bundleStates().keySet()).noneMatch(b -> b.startsWith("test.configurable") || b.startsWith("test.unresolvable"));
        }
    }

    /**
     * A watched folder: a jar copied in starts, a jar replaced by a newer version while a long
     * classification runs switches between batches (each batch rated by exactly one version, none
     * failed), and a jar removed stops.
     */
    @Test
    void jarsAddedReplacedAndRemovedTakeEffectWhileRatingGoesOn() throws Exception {
        Path versioned = add("versioned-1.jar");
        HostOptions options = new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()).watching(Duration.ofMillis(100));
        try (PluginHost host = PluginHost.start(options);
                ScoringEngine engine = new ScoringEngine(host.registry(), EngineConfig.defaults(), 2)) {
            assertThat(host.registry().active()).extracting(h -> h.info().version()).containsExactly("1.0.0");

            add("steady.jar");
            await(() -> host.registry().active().stream().anyMatch(h -> h.id().equals("steady")));

            List<Task> batch = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                batch.add(Task.of("t" + i, "Write report " + i));
            }
            // one list per classify() call: the guarantee is per batch, so each is checked on its own
            CompletableFuture<List<List<Verdict>>> rating = CompletableFuture.supplyAsync(() -> {
                List<List<Verdict>> batches = new ArrayList<>();
                try {
                    for (int round = 0; round < 60 && (batches.isEmpty() || !versionsIn(batches.getLast()).contains("2.0.0"));
                            round++) {
                        batches.add(engine.classify(batch));
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return batches;
            });
            Thread.sleep(200);
            Path replacement = Files.copy(built.resolve("versioned-2.jar"), plugins.resolve("versioned.tmp"));
            Files.move(replacement, versioned, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            List<List<Verdict>> batches = rating.get(2, TimeUnit.MINUTES);
            java.util.Set<String> seen = new java.util.TreeSet<>();
            for (int b = 0; b < batches.size(); b++) {
                List<Verdict> verdicts = batches.get(b);
                assertThat(verdicts).as("batch %d", b).hasSize(batch.size());
                for (Verdict verdict : verdicts) {
                    List<ScorerOutcome> outcomes = verdict.outcomes().stream().filter(o -> o.scorer().equals("versioned")).toList();
                    assertThat(outcomes).as(verdict.task().id()).hasSize(1);
                    assertThat(outcomes.get(0).status()).as(outcomes.get(0).reason()).isEqualTo(RatingStatus.OK);
                    assertThat(outcomes.get(0).rating().evidence()).containsExactly("version " + outcomes.get(0).version());
                }
                assertThat(versionsIn(verdicts)).as("the versions that rated batch %d", b).hasSize(1);
                seen.addAll(versionsIn(verdicts));
            }
            assertThat(seen).containsExactly("1.0.0", "2.0.0");
            await(() -> host.registry().all().stream().filter(h -> h.id().equals("versioned")).count() == 1);
            assertThat(host.registry().active()).extracting(h -> h.id() + " " + h.info().version())
                    .containsExactly("steady 1.0.0", "versioned 2.0.0");

            Files.delete(versioned);
            await(() -> host.registry().active().stream().noneMatch(h -> h.id().equals("versioned")));
            assertThat(host.plugins()).extracting(p -> p.file().getFileName().toString()).containsExactly("steady.jar");
        }
    }

    private static java.util.Set<String> versionsIn(List<Verdict> verdicts) {
        java.util.Set<String> versions = new java.util.TreeSet<>();
        verdicts.forEach(v -> v.outcomes().stream().filter(o -> o.scorer().equals("versioned"))
                .forEach(o -> versions.add(o.version())));
        return versions;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition held within 30 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    static String sha256(Path file) throws Exception {
        return dev.moravec.model.Digest.sha256(Files.readAllBytes(file));
    }
}
