package dev.moravec.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Task;
import dev.moravec.host.guard.ExitGuard;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScoringEngine;
import dev.moravec.testing.TestBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins that try to end the process, as real bundles in the real Felix: from a rating, from their
 * activation and from a thread they start. The process goes on (were it to end, this test's JVM would
 * end with it); the rating fails with the reason, the activation fails naming the class (so installing
 * such a jar is refused), and the calls a jar holds are named.
 */
class PluginExitTest {

    @TempDir
    static Path plugins;

    @TempDir
    static Path candidates;

    @BeforeAll
    static void buildPlugins() throws Exception {
        TestBundles.build(plugins.resolve("exiting.jar"), "test.exiting", "1.0.0",
                "dev.moravec.testing.plugins.exiting", Map.of());
        TestBundles.build(plugins.resolve("exitonstart.jar"), "test.exitonstart", "1.0.0",
                "dev.moravec.testing.plugins.exitonstart", Map.of());
        TestBundles.build(plugins.resolve("steady.jar"), "test.steady", "1.0.0",
                "dev.moravec.testing.plugins.steady", Map.of());
        TestBundles.build(candidates.resolve("exiting-candidate.jar"), "test.exiting.candidate", "1.0.0",
                "dev.moravec.testing.plugins.exiting", Map.of());
        TestBundles.build(candidates.resolve("exitonstart-candidate.jar"), "test.exitonstart.candidate", "1.0.0",
                "dev.moravec.testing.plugins.exitonstart", Map.of());
    }

    private static PluginHost start() throws Exception {
        return PluginHost.start(new HostOptions(TestBundles.runtimeBundles(), plugins, Map.of()));
    }

    private static ScorerOutcome exiting(Verdict verdict) {
        return verdict.outcomes().stream().filter(o -> o.scorer().equals("exiting")).findFirst().orElseThrow();
    }

    @Test
    void anExitFromARatingFailsThatRatingWithTheReasonAndTheRunGoesOn() throws Exception {
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofSeconds(5), 100);
        try (PluginHost host = start(); ScoringEngine engine = new ScoringEngine(host.registry(), config, 2)) {
            List<Verdict> verdicts = engine.classify(List.of(Task.of("1", "exit now"), Task.of("2", "quit now"),
                    Task.of("3", "halt now"), Task.of("4", "exit by reference"), Task.of("5", "Write a report")));
            String scorer = "dev.moravec.testing.plugins.exiting.ExitingScorer.rate";
            assertThat(verdicts).extracting(v -> exiting(v).status()).containsExactly(RatingStatus.FAILED,
                    RatingStatus.FAILED, RatingStatus.FAILED, RatingStatus.FAILED, RatingStatus.OK);
            assertThat(exiting(verdicts.get(0)).reason()).isEqualTo("threw dev.moravec.host.guard.ProcessExitDenied: "
                    + scorer + " called System.exit(0): a plugin may not end the Moravec process, so the call was refused");
            assertThat(exiting(verdicts.get(1)).reason()).contains(scorer + " called Runtime.exit(3)");
            assertThat(exiting(verdicts.get(2)).reason()).contains(scorer + " called Runtime.halt(3)");
            assertThat(exiting(verdicts.get(3)).reason()).contains(scorer + " called System.exit(0)");
            // the other scorer rated every task
            assertThat(verdicts).allSatisfy(v -> assertThat(v.outcomes()).filteredOn(o -> o.scorer().equals("steady"))
                    .extracting(ScorerOutcome::status).containsExactly(RatingStatus.OK));
        }
    }

    @Test
    void aScorerThatKeepsExitingIsQuarantinedByTheUsualRule() throws Exception {
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofSeconds(5), 3);
        try (PluginHost host = start(); ScoringEngine engine = new ScoringEngine(host.registry(), config, 1)) {
            for (int i = 0; i < 3; i++) {
                assertThat(exiting(engine.classify(Task.of("t" + i, "exit " + i))).status()).isEqualTo(RatingStatus.FAILED);
            }
            ScorerOutcome after = exiting(engine.classify(Task.of("t9", "Write a report")));
            assertThat(after.status()).isEqualTo(RatingStatus.QUARANTINED);
            assertThat(after.reason()).contains("called System.exit(0)");
        }
    }

    @Test
    void anExitFromAThreadThePluginStartedEndsThatThreadOnly() throws Exception {
        try (PluginHost host = start(); ScoringEngine engine = new ScoringEngine(host.registry(), EngineConfig.defaults(), 1)) {
            Verdict verdict = engine.classify(Task.of("1", "start a thread"));
            assertThat(exiting(verdict).status()).isEqualTo(RatingStatus.OK);
            assertThat(ExitGuard.refusals()).anySatisfy(line -> assertThat(line).contains(
                    "ExitingScorer.lambda$rate$0 called System.exit(0)").endsWith("(thread 'exiting-plugin-thread')"));
        }
    }

    @Test
    void anExitWhileActivatingFailsTheStartWithTheReason() throws Exception {
        try (PluginHost host = start()) {
            PluginStatus status = host.plugins().stream().filter(p -> p.file().getFileName().toString()
                    .equals("exitonstart.jar")).findFirst().orElseThrow();
            assertThat(status.state()).isEqualTo(PluginState.FAILED_TO_START);
            assertThat(status.problem()).isEqualTo("component dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer"
                    + " failed to activate: ProcessExitDenied: dev.moravec.testing.plugins.exitonstart.ExitOnStartScorer"
                    + ".<init> called System.exit(3): a plugin may not end the Moravec process, so the call was refused");
            assertThat(host.registry().active()).extracting(h -> h.id()).containsExactly("exiting", "steady");
        }
    }

    @Test
    void tryingAJarWhoseScorerExitsAsItStartsFailsNamingTheClass() throws Exception {
        try (PluginHost host = start()) {
            PluginStatus onStart = host.tryPlugin(candidates.resolve("exitonstart-candidate.jar"), null);
            assertThat(onStart.state()).isEqualTo(PluginState.FAILED_TO_START);
            assertThat(onStart.problem()).contains("ExitOnStartScorer.<init> called System.exit(3)");
            // the exits a jar's classes hold are named, for plugins install to say
            assertThat(PluginHost.exitCalls(candidates.resolve("exiting-candidate.jar"))).containsExactly(
                    "dev.moravec.testing.plugins.exiting.ExitingScorer.lambda$rate$0 calls System.exit",
                    "dev.moravec.testing.plugins.exiting.ExitingScorer.rate calls Runtime.exit",
                    "dev.moravec.testing.plugins.exiting.ExitingScorer.rate calls Runtime.halt",
                    "dev.moravec.testing.plugins.exiting.ExitingScorer.rate calls System.exit");
            assertThat(PluginHost.exitCalls(plugins.resolve("steady.jar"))).isEmpty();
        }
    }
}
