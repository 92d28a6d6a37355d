package dev.moravec.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.Quadrant;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.ScorerSettings;
import dev.moravec.model.Thresholds;
import dev.moravec.model.Verdict;
import dev.moravec.testing.TestScorers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScoringEngineTest {

    private static final EngineConfig FAST =
            new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofMillis(200), 1000);

    private static List<Task> tasks(int n, String... statements) {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(Task.of("t" + i, statements[i % statements.length] + " " + i));
        }
        return tasks;
    }

    @Test
    void ratesEveryTaskWithEveryScorerInInputOrder() throws Exception {
        ScorerRegistry registry = ScorerRegistry.of(TestScorers.constant("b", 0.9, 0.1, 1),
                TestScorers.constant("a", 0.7, 0.3, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, FAST, 3)) {
            List<Task> tasks = tasks(1000, "Write code");
            List<Verdict> verdicts = engine.classify(tasks);
            assertThat(verdicts).hasSize(1000);
            for (int i = 0; i < tasks.size(); i++) {
                Verdict verdict = verdicts.get(i);
                assertThat(verdict.task()).isSameAs(tasks.get(i));
                assertThat(verdict.outcomes()).extracting(ScorerOutcome::scorer).containsExactly("a", "b");
                assertThat(verdict.transferability().getAsDouble()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-12));
                assertThat(verdict.quadrant()).isEqualTo(Quadrant.PURE_REASONING);
            }
        }
    }

    @Test
    void aThrowingScorerFailsOnlyItsOwnRatings() throws Exception {
        ScorerRegistry registry = ScorerRegistry.of(TestScorers.throwingOn("fragile", "boom"),
                TestScorers.constant("steady", 0.2, 0.8, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, FAST, 2)) {
            List<Verdict> verdicts = engine.classify(tasks(100, "Lift boxes", "boom goes the dynamite"));
            for (Verdict verdict : verdicts) {
                ScorerOutcome fragile = verdict.outcomes().get(0);
                if (verdict.task().statement().contains("boom")) {
                    assertThat(fragile.status()).isEqualTo(RatingStatus.FAILED);
                    assertThat(fragile.reason()).isEqualTo("could not rate: cannot read 'boom'");
                    // the steady scorer alone decides
                    assertThat(verdict.transferability()).hasValue(0.2);
                } else {
                    assertThat(fragile.status()).isEqualTo(RatingStatus.OK);
                }
                assertThat(verdict.outcomes().get(1).status()).isEqualTo(RatingStatus.OK);
            }
            ScorerHandle handle = registry.active().get(0);
            assertThat(handle.failedCount()).isEqualTo(50);
            assertThat(handle.ratedCount()).isEqualTo(50);
            assertThat(handle.failureReasons()).containsEntry("could not rate: cannot read 'boom'", 50L);
        }
    }

    @Test
    void invalidRatingsNullsErrorsAndUndeclaredAxesAreFailuresWithReasons() throws Exception {
        TaskScorer nan = TestScorers.of("nan", t -> Rating.of(Double.NaN, 0.5, 1, List.of("x")));
        TaskScorer none = TestScorers.of("none", t -> null);
        TaskScorer error = TestScorers.of("error", t -> {
            throw new StackOverflowError("deep");
        });
        TaskScorer sideways = TestScorers.of("sideways", EnumSet.of(Axis.TRANSFERABILITY),
                t -> Rating.of(0.5, 0.5, 1, List.of("both axes")));
        ScorerRegistry registry = ScorerRegistry.of(nan, none, error, sideways);
        try (ScoringEngine engine = new ScoringEngine(registry, FAST, 2)) {
            Verdict verdict = engine.classify(Task.of("1", "Write code"));
            assertThat(verdict.outcomes()).allSatisfy(o -> assertThat(o.status()).isEqualTo(RatingStatus.FAILED));
            assertThat(verdict.outcomes()).extracting(ScorerOutcome::reason).containsExactly(
                    "threw java.lang.StackOverflowError: deep",
                    "returned an invalid rating: transferability NaN is outside [0, 1]",
                    "returned no rating (null)",
                    "rated verificationCost, which its info() does not declare");
            assertThat(verdict.quadrant()).isEqualTo(Quadrant.UNRATED);
            assertThat(verdict.score()).isEmpty();
        }
    }

    @Test
    void aCallPastTheTimeLimitTimesOutAndTheBatchGoesOn() throws Exception {
        TaskScorer sleepy = TestScorers.of("sleepy", task -> {
            if (task.statement().startsWith("slow")) {
                long end = System.nanoTime() + 2_000_000_000L;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait(); // ignores interrupts, like a scorer stuck in a loop
                }
            }
            return Rating.of(0.6, 0.4, 1, List.of("done"));
        });
        ScorerRegistry registry = ScorerRegistry.of(sleepy, TestScorers.constant("steady", 0.2, 0.8, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, FAST, 2)) {
            List<Task> tasks = new ArrayList<>(tasks(40, "quick"));
            tasks.set(5, Task.of("slow-1", "slow task"));
            tasks.set(17, Task.of("slow-2", "slow task again"));
            List<Verdict> verdicts = engine.classify(tasks);
            assertThat(verdicts).hasSize(40);
            for (Verdict verdict : verdicts) {
                ScorerOutcome outcome = verdict.outcomes().get(0);
                if (verdict.task().id().startsWith("slow")) {
                    assertThat(outcome.status()).isEqualTo(RatingStatus.TIMED_OUT);
                    assertThat(outcome.reason()).contains("200 ms");
                } else {
                    assertThat(outcome.status()).as(verdict.task().id()).isEqualTo(RatingStatus.OK);
                }
            }
            assertThat(registry.active().get(0).timedOutCount()).isEqualTo(2);
        }
    }

    @Test
    void aScorerThatKeepsFailingIsQuarantined() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TaskScorer broken = TestScorers.of("broken", t -> {
            calls.incrementAndGet();
            throw new IllegalStateException("no model loaded");
        });
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT, Map.of(), Duration.ofSeconds(1), 5);
        ScorerRegistry registry = ScorerRegistry.of(broken, TestScorers.constant("steady", 0.9, 0.1, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, config, 1)) {
            List<Verdict> verdicts = engine.classify(tasks(50, "Write code"));
            ScorerHandle handle = registry.active().get(0);
            assertThat(handle.isQuarantined()).isTrue();
            assertThat(handle.quarantineReason())
                    .isEqualTo("quarantined after 5 consecutive failures; last: threw java.lang.IllegalStateException: no model loaded");
            assertThat(calls.get()).isEqualTo(5);
            assertThat(verdicts.subList(5, 50)).allSatisfy(v -> assertThat(v.outcomes().get(0).status())
                    .isEqualTo(RatingStatus.QUARANTINED));
            assertThat(verdicts).allSatisfy(v -> assertThat(v.quadrant()).isEqualTo(Quadrant.PURE_REASONING));
        }
    }

    @Test
    void aBatchingScorerGetsChunksAndFallsBackToSingleTasksWhenAChunkFails() throws Exception {
        AtomicInteger chunks = new AtomicInteger();
        ScorerInfo info = new ScorerInfo("batcher", "2.0.0", "batches", EnumSet.allOf(Axis.class));
        TaskScorer batcher = new TaskScorer() {
            @Override
            public ScorerInfo info() {
                return info;
            }

            @Override
            public Rating rate(Task task, ScoringContext context) {
                if (task.statement().contains("poison")) {
                    throw new IllegalArgumentException("poisoned");
                }
                return Rating.of(0.4, 0.6, 0.5, List.of("single"));
            }

            @Override
            public List<Rating> rateAll(List<Task> tasks, ScoringContext context) {
                chunks.incrementAndGet();
                List<Rating> ratings = new ArrayList<>();
                for (Task task : tasks) {
                    ratings.add(rate(task, context).evidence().isEmpty() ? null
                            : Rating.of(0.4, 0.6, 0.5, List.of("chunk")));
                }
                return ratings;
            }
        };
        ScorerRegistry registry = ScorerRegistry.of(batcher);
        try (ScoringEngine engine = new ScoringEngine(registry, FAST, 2)) {
            List<Task> tasks = tasks(200, "Plan work");
            tasks.set(3, Task.of("p", "poison pill"));
            List<Verdict> verdicts = engine.classify(tasks);
            assertThat(chunks.get()).isGreaterThan(1);
            assertThat(verdicts.get(3).outcomes().get(0).status()).isEqualTo(RatingStatus.FAILED);
            assertThat(verdicts.get(4).outcomes().get(0).rating().evidence()).containsExactly("single");
            assertThat(verdicts.get(150).outcomes().get(0).rating().evidence()).containsExactly("chunk");
            assertThat(verdicts.get(150).verificationCost()).isEqualTo(OptionalDouble.of(0.6));
        }
    }

    @Test
    void disabledScorersAreNotAsked() throws Exception {
        EngineConfig config = new EngineConfig(Thresholds.DEFAULT,
                Map.of("off", new ScorerSettings(1, false, Map.of())), Duration.ofSeconds(1), 5);
        ScorerRegistry registry = ScorerRegistry.of(TestScorers.constant("off", 0, 1, 1),
                TestScorers.constant("on", 1, 0, 1));
        try (ScoringEngine engine = new ScoringEngine(registry, config, 1)) {
            Verdict verdict = engine.classify(Task.of("1", "x"));
            assertThat(verdict.outcomes()).extracting(ScorerOutcome::scorer).containsExactly("on");
            assertThat(engine.scorers()).extracting(ScorerHandle::id).containsExactly("on");
        }
    }

    @Test
    void anEmptyBatchOrNoScorersGiveUnratedVerdicts() throws Exception {
        try (ScoringEngine engine = new ScoringEngine(new ScorerRegistry(), FAST, 1)) {
            assertThat(engine.classify(List.of())).isEmpty();
            assertThat(engine.classify(Task.of("1", "x")).quadrant()).isEqualTo(Quadrant.UNRATED);
        }
    }
}
