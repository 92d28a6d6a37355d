package dev.moravec.host;

import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Task;
import dev.moravec.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Boots the real embedded Felix with real bundles built by bnd from this module's test plugins. */
class PluginHostTest {

    @TempDir
    static Path plugins;

    @BeforeAll
    static void buildPlugins() throws Exception {
        TestBundles.build(plugins.resolve("steady.jar"), "test.steady", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of());
        TestBundles.build(plugins.resolve("throwing.jar"), "test.throwing", "1.0.0",
                "dev.moravec.testing.plugins.throwing", Map.of());
        TestBundles.build(plugins.resolve("sleepy.jar"), "test.sleepy", "1.0.0",
                "dev.moravec.testing.plugins.sleepy", Map.of());
        TestBundles.build(plugins.resolve("invalid-id.jar"), "test.invalid", "1.0.0",
                "dev.moravec.testing.plugins.invalid", Map.of());
        TestBundles.build(plugins.resolve("unresolvable.jar"), "test.unresolvable", "1.0.0",
                "dev.moravec.testing.plugins.steady",
                Map.of("Import-Package", "org.example.missing;version=\"[1.2,2)\",*"));
        TestBundles.build(plugins.resolve("failing.jar"), "test.failing", "1.0.0",
                "dev.moravec.testing.plugins.failing", Map.of());
        TestBundles.build(plugins.resolve("waiting.jar"), "test.waiting", "1.0.0",
                "dev.moravec.testing.plugins.waiting", Map.of());
        Files.write(plugins.resolve("corrupt.jar"), "this is not a zip file".getBytes());
        Files.writeString(plugins.resolve("notes.txt"), "not a jar, so not a plugin");
    }

    private static PluginHost start() throws PluginHostException, java.io.IOException {
        return PluginHost.start(new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()));
    }

    @Test
    void startsTheRuntimeAndGoodPluginsAndReportsTheBadOnes() throws Exception {
        try (PluginHost host = start()) {
            assertThat(host.bundleStates()).containsEntry("org.apache.felix.scr 2.2.18", "ACTIVE");
            assertThat(host.registry().active()).extracting(ScorerHandle::id)
                    .containsExactly("sleepy", "steady", "throwing");

            Map<String, PluginStatus> byFile = new java.util.HashMap<>();
            host.plugins().forEach(p -> byFile.put(p.file().getFileName().toString(), p));
            assertThat(byFile).containsOnlyKeys("steady.jar", "throwing.jar", "sleepy.jar", "invalid-id.jar",
                    "unresolvable.jar", "corrupt.jar", "failing.jar", "waiting.jar");
            assertThat(byFile.get("steady.jar").state()).isEqualTo(PluginState.ACTIVE);
            assertThat(byFile.get("steady.jar").bundle()).isEqualTo("test.steady 1.0.0");
            assertThat(byFile.get("unresolvable.jar").state()).isEqualTo(PluginState.FAILED_TO_RESOLVE);
            assertThat(byFile.get("unresolvable.jar").problem()).startsWith("missing imports: org.example.missing [1.2.0,2.0.0)");
            assertThat(byFile.get("corrupt.jar").state()).isEqualTo(PluginState.INVALID);
            assertThat(byFile.get("invalid-id.jar").state()).isEqualTo(PluginState.FAILED_TO_START);
            assertThat(byFile.get("invalid-id.jar").problem()).contains("'Not Valid!'");
            assertThat(byFile.get("failing.jar").state()).isEqualTo(PluginState.FAILED_TO_START);
            assertThat(byFile.get("failing.jar").problem()).isEqualTo("component "
                    + "dev.moravec.testing.plugins.failing.FailingScorer failed to activate: "
                    + "IllegalStateException: the model file is missing");
            assertThat(byFile.get("waiting.jar").state()).isEqualTo(PluginState.FAILED_TO_START);
            assertThat(byFile.get("waiting.jar").problem()).isEqualTo("component "
                    + "dev.moravec.testing.plugins.waiting.WaitingScorer waits for services nobody offers: [oracle]");
        }
    }

    @Test
    void misbehavingPluginsAreIsolatedAndTheBatchCompletes() throws Exception {
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofMillis(300), 100);
        try (PluginHost host = start(); ScoringEngine engine = new ScoringEngine(host.registry(), config, 2)) {
            List<Task> tasks = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String statement = switch (i % 10) {
                    case 3 -> "boom: break the build";
                    case 5 -> "nan: divide by zero";
                    case 7 -> "slow: wait for the paint to dry";
                    case 9 -> "error: check the invariants";
                    case 1 -> "leak: start a thread and forget it";
                    default -> "Write a report " + i;
                };
                tasks.add(Task.of("t" + i, statement));
            }
            List<Verdict> verdicts = engine.classify(tasks);
            assertThat(verdicts).hasSize(60);
            for (Verdict verdict : verdicts) {
                Map<String, ScorerOutcome> outcomes = new java.util.HashMap<>();
                verdict.outcomes().forEach(o -> outcomes.put(o.scorer(), o));
                assertThat(outcomes.get("steady").status()).isEqualTo(RatingStatus.OK);
                String statement = verdict.task().statement();
                if (statement.startsWith("boom")) {
                    assertThat(outcomes.get("throwing").reason())
                            .isEqualTo("threw java.lang.IllegalStateException: deliberate failure");
                } else if (statement.startsWith("nan")) {
                    assertThat(outcomes.get("throwing").reason())
                            .isEqualTo("returned an invalid rating: transferability NaN is outside [0, 1]");
                } else if (statement.startsWith("error")) {
                    assertThat(outcomes.get("throwing").reason()).isEqualTo("threw java.lang.AssertionError: deliberate error");
                } else if (statement.startsWith("slow")) {
                    assertThat(outcomes.get("sleepy").status()).isEqualTo(RatingStatus.TIMED_OUT);
                } else {
                    assertThat(outcomes.values()).allSatisfy(o -> assertThat(o.status()).isEqualTo(RatingStatus.OK));
                }
                assertThat(verdict.quadrant()).isNotEqualTo(Quadrant.UNRATED);
            }
            ScorerHandle throwing = host.registry().active().get(2);
            assertThat(throwing.failedCount()).isEqualTo(18);
            assertThat(host.registry().active().get(0).timedOutCount()).isEqualTo(6);
        }
    }

    @Test
    void theFrameworkStopsAndLeavesNoFrameworkThreadsBehind() throws Exception {
        try (PluginHost host = start()) {
            assertThat(host.registry().active()).isNotEmpty();
        }
        List<String> felixThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .filter(name -> name.startsWith("Felix") || name.startsWith("SCR"))
                .toList();
        assertThat(felixThreads).isEmpty();
    }
}
