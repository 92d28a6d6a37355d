package dev.moravec.api.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.moravec.api.Axis;
import dev.moravec.api.Bottleneck;
import dev.moravec.api.Rating;
import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.ScoringException;
import dev.moravec.api.Task;
import dev.moravec.api.TaskScorer;
import dev.moravec.api.TaskType;
import dev.moravec.api.TaskWeights;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link TaskScorer} must keep, as a test to extend. A plugin's test class
 * extends this one and implements {@link #createScorer()}; JUnit 5 then runs every check below
 * against that scorer. Override {@link #sampleTasks()} to add tasks that exercise the scorer's own
 * knowledge, and {@link #context()} to supply host services.
 *
 * <p>Shipped in the {@code moravec-api} test-jar (classifier {@code tests}); the test needs JUnit 5
 * (junit-jupiter) and AssertJ on the test class path.
 *
 * @since 1.0.0
 */
public abstract class AbstractScorerContractTest {

    /** A rating with at least this confidence must say why. */
    protected static final double CONFIDENT = 0.2;

    /** The confidence a scorer may have at most on a task it cannot know anything about. */
    protected static final double UNINFORMED_LIMIT = 0.3;

    /** The seed of the thread-safety test's shuffles; printed so a failure can be replayed. */
    protected static final long SEED = 20261126L;

    private TaskScorer scorer;

    /**
     * Creates the scorer under test. Called before each test.
     *
     * @return a ready scorer
     * @throws Exception if the scorer cannot be created
     */
    protected abstract TaskScorer createScorer() throws Exception;

    /**
     * The context passed to the scorer.
     *
     * @return a context; by default {@link ScoringContext#standalone()}
     */
    protected ScoringContext context() {
        return ScoringContext.standalone();
    }

    /**
     * Tasks the checks rate: by default a varied set from many occupations, including clear pure
     * reasoning tasks and clear laggards, with and without occupation codes.
     *
     * @return the tasks
     */
    protected List<Task> sampleTasks() {
        String[][] rows = {
            {"Write unit tests for a billing module and fix the code until they pass", "15-1252.00"},
            {"Prove that the proposed scheduling algorithm always terminates", "15-2021.00"},
            {"Draft the indemnification clauses of a software licence agreement", "23-1011.00"},
            {"Build a discounted cash flow model of an acquisition in a spreadsheet", "13-2051.00"},
            {"Reconcile the general ledger with monthly bank statements", "13-2011.00"},
            {"Write SQL queries that summarise weekly sales by region", null},
            {"Trim trees and remove dead branches with chainsaws from an aerial lift", "37-3013.00"},
            {"Lift patients from beds into wheelchairs and help them bathe", "31-1122.00"},
            {"Drive a tractor-trailer on interstate routes and secure its load", "53-3032.00"},
            {"Cut raw footage into scenes that hold the audience's attention", "27-4032.00"},
            {"Key customer orders into the company's enterprise resource planning screens", "43-9021.00"},
            {"Install copper water lines and solder their joints in new houses", "47-2152.00"},
            {"Comfort grieving families and answer their questions in person", null},
            {"Advise clients face to face on long-term retirement plans", "13-2052.00"},
            {"Run field trials of a new crop variety over several growing seasons", "19-1013.00"},
            {"Calibrate pressure gauges against a certified reference gauge", null},
            {"Translate product manuals from German into English", "27-3091.00"},
            {"Plan weekly lessons and grade students' written essays", "25-2021.00"},
            {"Negotiate the price and terms of commercial property leases", null},
            {"Prepare and season meals on a busy restaurant line", "35-2014.00"},
        };
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            TaskType type = i % 3 == 2 ? TaskType.SUPPLEMENTAL : TaskType.CORE;
            tasks.add(new Task("contract-" + (i + 1), rows[i][0], rows[i][1], type, TaskWeights.NONE));
        }
        return tasks;
    }

    /**
     * The scorer created for the current test.
     *
     * @return the scorer
     */
    protected final TaskScorer scorer() {
        return scorer;
    }

    @BeforeEach
    void createScorerUnderTest() throws Exception {
        scorer = createScorer();
        assertThat(scorer).as("createScorer()").isNotNull();
    }

    @Test
    void identityIsValidAndStable() {
        ScorerInfo info = scorer.info();
        assertThat(info).as("info()").isNotNull();
        assertThat(scorer.info()).as("info() called twice").isEqualTo(info);
    }

    @Test
    void everyRatingIsValidAndStaysOnDeclaredAxes() throws ScoringException {
        ScorerInfo info = scorer.info();
        for (Task task : sampleTasks()) {
            Rating rating = scorer.rate(task, context());
            assertThat(rating).as("rating of '%s'", task.statement()).isNotNull();
            for (Axis axis : Axis.values()) {
                if (rating.value(axis).isPresent()) {
                    assertThat(info.axes())
                            .as("'%s' is rated on %s, which info() does not declare", task.statement(), axis)
                            .contains(axis);
                }
            }
        }
    }

    @Test
    void sameTaskGetsTheSameRating() throws ScoringException {
        for (Task task : sampleTasks()) {
            assertThat(scorer.rate(task, context()))
                    .as("second rating of '%s'", task.statement())
                    .isEqualTo(scorer.rate(task, context()));
        }
    }

    @Test
    void batchRatingMatchesSingleRatings() throws ScoringException {
        List<Task> tasks = sampleTasks();
        List<Rating> batch = scorer.rateAll(tasks, context());
        assertThat(batch).as("rateAll() returns one rating per task").hasSize(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            assertThat(batch.get(i))
                    .as("rateAll() and rate() on '%s'", tasks.get(i).statement())
                    .isEqualTo(scorer.rate(tasks.get(i), context()));
        }
    }

    @Test
    void concurrentCallsGiveTheSameRatingsAsSequentialOnes() throws Exception {
        System.out.println(getClass().getSimpleName() + ": thread-safety shuffle seed " + SEED);
        List<Task> tasks = sampleTasks();
        List<Rating> expected = new ArrayList<>();
        for (Task task : tasks) {
            expected.add(scorer.rate(task, context()));
        }
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random random = new Random(SEED + t);
                futures.add(pool.submit(() -> {
                    List<String> mismatches = new ArrayList<>();
                    for (int round = 0; round < 25; round++) {
                        List<Integer> order = new ArrayList<>();
                        for (int i = 0; i < tasks.size(); i++) {
                            order.add(i);
                        }
                        Collections.shuffle(order, random);
                        for (int i : order) {
                            Rating rating = scorer.rate(tasks.get(i), context());
                            if (!rating.equals(expected.get(i))) {
                                mismatches.add(tasks.get(i).statement() + ": " + rating + " != " + expected.get(i));
                            }
                        }
                    }
                    return mismatches;
                }));
            }
            for (Future<List<String>> future : futures) {
                assertThat(future.get()).as("ratings that differed under concurrent calls").isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abstainsOrIsUnsureAboutTasksWithNothingToGoOn() throws ScoringException {
        for (String nonsense : List.of("Qwzx vbnm plorf", "!!! ???", "Zzz")) {
            Rating rating = scorer.rate(Task.of("nonsense", nonsense), context());
            assertThat(rating.isAbstention() || rating.confidence() <= UNINFORMED_LIMIT)
                    .as("rating of nonsense '%s' should abstain or have confidence <= %s, was %s",
                            nonsense, UNINFORMED_LIMIT, rating)
                    .isTrue();
        }
    }

    @Test
    void confidentRatingsGiveEvidence() throws ScoringException {
        for (Task task : sampleTasks()) {
            Rating rating = scorer.rate(task, context());
            if (rating.confidence() >= CONFIDENT) {
                assertThat(rating.evidence())
                        .as("evidence of '%s' rated with confidence %s", task.statement(), rating.confidence())
                        .isNotEmpty();
            }
        }
    }

    /**
     * A scorer that names bottleneck factors (since 1.3.0) lists them strongest first, each with
     * evidence that says what raised it; a strong one comes with some confidence. Scorers that name none,
     * such as those built against 1.2, pass.
     *
     * @throws ScoringException if the scorer cannot rate a sample task
     */
    @Test
    void bottlenecksAreOrderedAndExplained() throws ScoringException {
        for (Task task : sampleTasks()) {
            Rating rating = scorer.rate(task, context());
            List<Bottleneck> bottlenecks = rating.bottlenecks();
            for (int i = 1; i < bottlenecks.size(); i++) {
                assertThat(bottlenecks.get(i).strength()).as("bottlenecks of '%s' are strongest first", task.statement())
                        .isLessThanOrEqualTo(bottlenecks.get(i - 1).strength());
            }
            for (Bottleneck bottleneck : bottlenecks) {
                assertThat(bottleneck.evidence()).as("evidence of %s for '%s'", bottleneck.factor(), task.statement())
                        .isNotEmpty().allSatisfy(reason -> assertThat(reason).isNotBlank());
                if (bottleneck.strength() >= 0.5) {
                    assertThat(rating.confidence()).as("a strong %s for '%s' comes with some confidence",
                            bottleneck.factor(), task.statement()).isPositive();
                }
            }
        }
    }

    @Test
    void unusualTextDoesNotBreakTheScorer() {
        String longText = "Review and annotate the quarterly compliance report ".repeat(200);
        for (String text : List.of(longText, "Ärzte beraten — naïve café staff ☕ über Hygiene", "x", "12345 67890",
                "Write\tcode\nacross lines", "<b>Drive</b> & \"deliver\" parcels; 50% faster!")) {
            assertThatCode(() -> scorer.rate(Task.of("unusual", text), context()))
                    .as("rating '%s'", text.length() > 60 ? text.substring(0, 60) + "..." : text)
                    .doesNotThrowAnyException();
        }
    }
}
