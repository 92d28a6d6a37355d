package dev.moravec.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.moravec.api.Rating;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.testing.TestScorers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Scorers that run away: one deaf to interrupts holds a bounded number of threads and is then degraded,
 * a batch whose caller gives up stops, and a long-running engine quarantines a scorer only when a probe
 * with a plain task fails too, lifting the quarantine after a cool-down once a probe rates.
 */
class RunawayScorerTest {

    private static EngineConfig config(long limitMillis, int quarantineAfter) {
        return new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofMillis(limitMillis), quarantineAfter);
    }

    private static List<Task> tasks(int n, String statement) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Task.of("t" + i, statement + " " + i));
        }
        return tasks;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the condition came true within 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long scorerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("moravec-scorer-")).count();
    }

    @Test
    void aScorerDeafToInterruptsHoldsAtMostItsLimitOfThreadsThenIsDegradedUntilOneReturns() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        AtomicInteger spinning = new AtomicInteger();
        TaskScorer deaf = TestScorers.of("deaf", task -> {
            if (task.statement().startsWith("spin")) {
                spinning.incrementAndGet();
                while (!release.get()) {
                    Thread.onSpinWait(); // ignores the interrupt
                }
                spinning.decrementAndGet();
            }
            return Rating.of(0.5, 0.5, 1, List.of("done"));
        });
        long before = scorerThreads();
        ScorerRegistry registry = ScorerRegistry.of(deaf, TestScorers.constant("steady", 0.2, 0.8, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, config(50, 1000), 1)) {
            ScorerHandle handle = registry.active().get(0);
            List<Verdict> verdicts = engine.classify(tasks(30, "spin"));
            assertThat(engine.stuckLimit()).isEqualTo(4);
            assertThat(spinning.get()).isEqualTo(4);
            assertThat(handle.stuckCalls()).isEqualTo(4);
            assertThat(engine.isDegraded(handle)).isTrue();
            // the engine started a thread for each stuck call, and no more: 1 worker + 4 replacements
            assertThat(scorerThreads() - before).isLessThanOrEqualTo(1 + 4 + 1);
            List<ScorerOutcome> outcomes = verdicts.stream().map(v -> v.outcomes().get(0)).toList();
            assertThat(outcomes).filteredOn(o -> o.status() == RatingStatus.TIMED_OUT).hasSize(4);
            assertThat(outcomes).filteredOn(o -> o.status() == RatingStatus.QUARANTINED).hasSize(26)
                    .allSatisfy(o -> assertThat(o.reason()).isEqualTo("not asked: 4 of its calls ran past the time"
                            + " limit and still run, deaf to interrupts; it is asked again once one of them returns"));
            assertThat(verdicts).allSatisfy(v -> assertThat(v.outcomes().get(1).status()).isEqualTo(RatingStatus.OK));

            release.set(true);
            await(() -> handle.stuckCalls() == 0);
            assertThat(engine.isDegraded(handle)).isFalse();
            assertThat(engine.classify(Task.of("x", "Write a report")).outcomes().get(0).status())
                    .isEqualTo(RatingStatus.OK);
        } finally {
            release.set(true);
        }
    }

    @Test
    void aBatchWhoseCallerGivesUpMakesNoFurtherCalls() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TaskScorer slow = TestScorers.of("slow", task -> {
            calls.incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Rating.of(0.5, 0.5, 1, List.of("slowly"));
        });
        try (ScoringEngine engine = new ScoringEngine(ScorerRegistry.of(slow), config(5000, 1000), 1)) {
            CompletableFuture<Thread> caller = new CompletableFuture<>();
            CompletableFuture<List<Verdict>> result = CompletableFuture.supplyAsync(() -> {
                caller.complete(Thread.currentThread());
                try {
                    return engine.classify(tasks(100, "Write"));
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted", e);
                }
            });
            Thread.sleep(250);
            caller.get().interrupt(); // a request past its budget: RatingService cancels it so
            assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class).hasRootCauseInstanceOf(InterruptedException.class);
            int atCancel = calls.get();
            Thread.sleep(500);
            assertThat(calls.get()).isLessThanOrEqualTo(atCancel + 1).isLessThan(10);
        }
    }

    @Test
    void inALongRunningEngineFailuresCausedByTheTasksQuarantineNothing() throws Exception {
        TaskScorer fragile = TestScorers.throwingOn("fragile", "boom");
        ScorerRegistry registry = ScorerRegistry.of(fragile);
        try (ScoringEngine engine = new ScoringEngine(registry, config(1000, 3), 1, null, Duration.ofSeconds(60))) {
            ScorerHandle handle = registry.active().get(0);
            for (int request = 0; request < 10; request++) { // a client's hostile requests
                List<Verdict> verdicts = engine.classify(tasks(5, "boom"));
                assertThat(verdicts).allSatisfy(v -> assertThat(v.outcomes().get(0).status()).isIn(RatingStatus.FAILED,
                        RatingStatus.QUARANTINED));
            }
            await(() -> !handle.isQuarantined() && handle.failedCount() >= 3);
            // the probe rated the plain task: another client's task is rated
            assertThat(engine.classify(Task.of("1", "Write a report")).outcomes().get(0).status())
                    .isEqualTo(RatingStatus.OK);
            assertThat(handle.isQuarantined()).isFalse();
        }
    }

    @Test
    void aBrokenScorerInALongRunningEngineIsQuarantinedThenLiftedByAProbeAfterTheCoolDown() throws Exception {
        AtomicBoolean broken = new AtomicBoolean(true);
        TaskScorer flaky = TestScorers.of("flaky", task -> {
            if (broken.get()) {
                throw new IllegalStateException("the model server is down");
            }
            return Rating.of(0.5, 0.5, 1, List.of("back"));
        });
        ScorerRegistry registry = ScorerRegistry.of(flaky);
        try (ScoringEngine engine = new ScoringEngine(registry, config(1000, 3), 1, null, Duration.ofMillis(300))) {
            ScorerHandle handle = registry.active().get(0);
            engine.classify(tasks(3, "Write"));
            await(handle::isQuarantined);
            assertThat(handle.quarantineReason()).isEqualTo("quarantined after 3 consecutive failures and a failed probe"
                    + " on a plain task (the probe threw java.lang.IllegalStateException: the model server is down);"
                    + " probed again every 300 ms");
            assertThat(engine.classify(Task.of("q", "Write")).outcomes().get(0).status()).isEqualTo(RatingStatus.QUARANTINED);

            broken.set(false);
            Thread.sleep(350); // the cool-down passes; the next task asks for a probe
            engine.classify(Task.of("p", "Write"));
            await(() -> !handle.isQuarantined());
            assertThat(engine.classify(Task.of("r", "Write")).outcomes().get(0).status()).isEqualTo(RatingStatus.OK);
        }
    }
}
