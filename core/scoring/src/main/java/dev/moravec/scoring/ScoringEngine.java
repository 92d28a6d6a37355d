package dev.moravec.scoring;

import dev.moravec.api.Axis;
import dev.moravec.api.Rating;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.Task;
import dev.moravec.api.TaxonomyView;
import dev.moravec.model.EngineConfig;
import dev.moravec.model.RatingStatus;
import dev.moravec.model.ScorerOutcome;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.internal.Watchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Rates tasks with every active scorer, in parallel across a fixed number of worker threads, and
 * combines the ratings into verdicts.
 *
 * <p>Every call into a scorer is isolated. An exception (or error), a missing or invalid rating, or a
 * rating on an axis the scorer does not declare fails that one rating with the reason; a call that
 * runs past the per-task time limit is abandoned as timed out, its thread interrupted and replaced so
 * the batch keeps all its workers. The threads a scorer may hold that way are bounded
 * ({@link #stuckLimit()}): a scorer with that many calls still running past the limit is
 * {@link #isDegraded degraded} and not asked again (its outcomes say why) until one returns, so a
 * scorer deaf to interrupts cannot make the engine start threads without end. Scorers that override
 * {@link dev.moravec.api.TaskScorer#rateAll} get chunks of tasks; when a chunk fails, its tasks are
 * rated one by one so that only the bad ones fail.
 *
 * <p>A scorer whose failures run past the configured count is quarantined: it is not asked again and
 * its outcomes say so. For a run (a command) the quarantine lasts to its end. An engine that runs long
 * (a server, given a cool-down) asks first whether the scorer or the tasks are the cause: it probes the
 * scorer with a plain task; if the probe rates, the failures were the tasks' (a client's hostile
 * requests) and nothing is quarantined, so requests cannot switch a scorer off for everyone; if the
 * probe fails too, the scorer is quarantined, and probed again after each cool-down until it rates.
 *
 * <p>Thread-safe; {@link #classify} may be called from several threads. A batch whose caller is
 * interrupted while waiting (a request past its time budget) stops: its scorer calls not yet made are
 * not made. Close the engine to stop its threads.
 */
public final class ScoringEngine implements AutoCloseable {

    private static final int MAX_CHUNK = 64;

    private final ScorerRegistry registry;
    private final EngineConfig config;
    private final VerdictAggregator aggregator;
    private final int threads;
    private final long limitNanos;
    private final ThreadPoolExecutor pool;
    private final Watchdog watchdog;
    private final ScoringContext context;
    private final Duration coolDown;
    private final int stuckLimit;

    /**
     * @param registry where the scorers come from; the active ones are read at the start of each batch
     * @param config weights, thresholds, time limit and quarantine rule
     * @param threads the number of worker threads, at least 1
     */
    public ScoringEngine(ScorerRegistry registry, EngineConfig config, int threads) {
        this(registry, config, threads, null);
    }

    /**
     * An engine whose scorers see a taxonomy through {@link ScoringContext#taxonomy()}.
     *
     * @param registry where the scorers come from; the active ones are read at the start of each batch
     * @param config weights, thresholds, time limit and quarantine rule
     * @param threads the number of worker threads, at least 1
     * @param taxonomy the taxonomy offered to scorers, or {@code null} for none
     */
    public ScoringEngine(ScorerRegistry registry, EngineConfig config, int threads, TaxonomyView taxonomy) {
        this(registry, config, threads, taxonomy, null);
    }

    /**
     * An engine that runs long, as a server's does: a run of failures quarantines a scorer only when a
     * probe with a plain task fails too, and a quarantine lifts when a probe after the cool-down rates.
     *
     * @param registry where the scorers come from; the active ones are read at the start of each batch
     * @param config weights, thresholds, time limit and quarantine rule
     * @param threads the number of worker threads, at least 1
     * @param taxonomy the taxonomy offered to scorers, or {@code null} for none
     * @param coolDown how long a quarantine lasts before the scorer is probed again; {@code null} for an
     *     engine of one run, whose quarantines last to its end without probes
     */
    public ScoringEngine(ScorerRegistry registry, EngineConfig config, int threads, TaxonomyView taxonomy,
            Duration coolDown) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.registry = registry;
        this.config = config;
        this.aggregator = new VerdictAggregator(config);
        this.threads = threads;
        this.coolDown = coolDown;
        this.stuckLimit = Math.max(4, 2 * threads);
        this.limitNanos = config.taskTimeLimit().toNanos();
        this.context = new HostScoringContext(Optional.ofNullable(taxonomy));
        this.watchdog = new Watchdog(Math.max(5, Math.min(100, config.taskTimeLimit().toMillis() / 4)));
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(() -> {
                try {
                    r.run();
                } finally {
                    watchdog.forgetCurrentThread();
                }
            }, "moravec-scorer-" + count.incrementAndGet());
            thread.setDaemon(true); // a scorer stuck for good must not keep the JVM alive
            return thread;
        });
    }

    /**
     * The scorers a batch started now would use: active and enabled in the configuration.
     *
     * @return their handles, by id
     */
    public List<ScorerHandle> scorers() {
        return registry.active().stream().filter(h -> config.scorer(h.id()).enabled()).toList();
    }

    /** @return the configuration */
    public EngineConfig config() {
        return config;
    }

    /**
     * The most calls of one scorer that may run past the time limit at once (each holds a thread): twice
     * the number of worker threads, and at least 4.
     *
     * @return the limit
     */
    public int stuckLimit() {
        return stuckLimit;
    }

    /**
     * Whether a scorer is degraded: it holds {@link #stuckLimit()} threads in calls that ran past the
     * time limit, so it is not asked until one of them returns.
     *
     * @param scorer a scorer of this engine
     * @return true if degraded
     */
    public boolean isDegraded(ScorerHandle scorer) {
        return scorer.stuckCalls() >= stuckLimit;
    }

    /**
     * Rates one task.
     *
     * @param task the task
     * @return its verdict
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public Verdict classify(Task task) throws InterruptedException {
        return classify(List.of(task)).get(0);
    }

    /**
     * Rates a batch of tasks with every active scorer and waits for all their outcomes.
     *
     * @param tasks the tasks
     * @return one verdict per task, in the order of {@code tasks}
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public List<Verdict> classify(List<Task> tasks) throws InterruptedException {
        List<ScorerHandle> scorers = acquireScorers();
        try {
            return classify(tasks, scorers);
        } finally {
            scorers.forEach(ScorerHandle::release);
        }
    }

    /**
     * Takes a lease on every scorer a batch started now uses, so that one version of each rates the
     * whole batch: a scorer whose bundle stops meanwhile waits for the batch before it goes.
     */
    private List<ScorerHandle> acquireScorers() {
        while (true) {
            List<ScorerHandle> scorers = scorers();
            List<ScorerHandle> acquired = new ArrayList<>(scorers.size());
            for (ScorerHandle handle : scorers) {
                if (!handle.tryAcquire()) {
                    break; // retired between reading and leasing: read the active scorers again
                }
                acquired.add(handle);
            }
            if (acquired.size() == scorers.size()) {
                return scorers;
            }
            acquired.forEach(ScorerHandle::release);
            Thread.onSpinWait();
        }
    }

    private List<Verdict> classify(List<Task> tasks, List<ScorerHandle> scorers) throws InterruptedException {
        Batch batch = new Batch(tasks, scorers);
        if (!tasks.isEmpty()) {
            int chunk = Math.max(1, Math.min(MAX_CHUNK, tasks.size() / (threads * 4)));
            for (int s = 0; s < scorers.size(); s++) {
                for (int from = 0; from < tasks.size(); from += chunk) {
                    pool.execute(new ScorerJob(batch, s, from, Math.min(tasks.size(), from + chunk),
                            scorers.get(s).batching()));
                }
            }
        }
        try {
            batch.remaining.await();
        } catch (InterruptedException e) {
            batch.cancelled = true; // the caller gave up: the calls not made yet are not made
            throw e;
        }
        List<Verdict> verdicts = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            List<ScorerOutcome> outcomes = new ArrayList<>(scorers.size());
            for (int s = 0; s < scorers.size(); s++) {
                outcomes.add(batch.outcome(s, i));
            }
            verdicts.add(aggregator.combine(tasks.get(i), outcomes));
        }
        return verdicts;
    }

    @Override
    public void close() {
        pool.shutdownNow();
        watchdog.close();
    }

    // a stuck worker is replaced so the batch keeps its parallelism; when it returns it leaves again
    synchronized void addWorker() {
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() + 1);
        pool.setCorePoolSize(pool.getCorePoolSize() + 1);
    }

    synchronized void removeWorker() {
        pool.setCorePoolSize(pool.getCorePoolSize() - 1);
        pool.setMaximumPoolSize(pool.getMaximumPoolSize() - 1);
    }

    /** The outcomes of one batch, each written once. */
    private static final class Batch {
        final List<Task> tasks;
        final List<ScorerHandle> scorers;
        final AtomicReferenceArray<ScorerOutcome> outcomes;
        final CountDownLatch remaining;
        volatile boolean cancelled;

        Batch(List<Task> tasks, List<ScorerHandle> scorers) {
            this.tasks = List.copyOf(tasks);
            this.scorers = scorers;
            this.outcomes = new AtomicReferenceArray<>(tasks.size() * scorers.size());
            this.remaining = new CountDownLatch(tasks.size() * scorers.size());
        }

        boolean isDone(int scorer, int task) {
            return outcomes.get(scorer * tasks.size() + task) != null;
        }

        ScorerOutcome outcome(int scorer, int task) {
            return outcomes.get(scorer * tasks.size() + task);
        }

        /** Sets an outcome unless one is set; the caller then counts it {@link #done() done}. */
        boolean claim(int scorer, int task, ScorerOutcome outcome) {
            return outcomes.compareAndSet(scorer * tasks.size() + task, null, outcome);
        }

        void done() {
            remaining.countDown();
        }
    }

    /** Rates a run of tasks with one scorer. */
    private final class ScorerJob implements Runnable {
        private final Batch batch;
        private final int s;
        private final int from;
        private final int to;
        private final boolean wholeChunk;
        private final ScorerHandle handle;

        ScorerJob(Batch batch, int s, int from, int to, boolean wholeChunk) {
            this.batch = batch;
            this.s = s;
            this.from = from;
            this.to = to;
            this.wholeChunk = wholeChunk;
            this.handle = batch.scorers.get(s);
        }

        @Override
        public void run() {
            if (wholeChunk && to - from > 1 && notAskedBecause() == null && rateChunk()) {
                return;
            }
            for (int i = from; i < to && !batch.cancelled; i++) {
                if (batch.isDone(s, i)) {
                    continue;
                }
                String notAsked = notAskedBecause();
                if (notAsked != null) {
                    if (batch.claim(s, i, ScorerOutcome.unrated(handle.id(), handle.info().version(),
                            RatingStatus.QUARANTINED, notAsked))) {
                        batch.done();
                    }
                    continue;
                }
                int task = i;
                Watchdog.Call call = watchdog.begin(limitNanos, () -> timedOut(task));
                ScorerOutcome outcome;
                try {
                    outcome = check(handle.scorer().rate(batch.tasks.get(i), context));
                } catch (Throwable e) { // NOPMD: isolating the plugin is the point; even Errors fail only this rating
                    outcome = failed(describe(e));
                }
                if (!call.finish()) {
                    handle.abandonedCallReturned();
                    removeWorker();
                    return; // the watchdog recorded the timeout and handed the rest of the run to a new job
                }
                record(i, outcome);
            }
        }

        /** @return why the scorer is not asked now (quarantined, or degraded), or {@code null} to ask it */
        private String notAskedBecause() {
            if (handle.isQuarantined()) {
                if (coolDown != null && handle.startProbe()) {
                    probe();
                }
                String reason = handle.quarantineReason();
                if (reason != null) {
                    return reason;
                }
            }
            int stuck = handle.stuckCalls();
            if (stuck >= stuckLimit) {
                return "not asked: " + stuck + " of its calls ran past the time limit and still run, deaf to"
                        + " interrupts; it is asked again once one of them returns";
            }
            return null;
        }

        /** @return true if the chunk is rated (or handed on after a timeout); false to rate task by task */
        private boolean rateChunk() {
            List<Task> chunk = batch.tasks.subList(from, to);
            Watchdog.Call call = watchdog.begin(limitNanos * chunk.size(), () -> {
                handle.callAbandoned();
                pool.execute(new ScorerJob(batch, s, from, to, false));
                addWorker();
            });
            List<Rating> ratings;
            try {
                ratings = handle.scorer().rateAll(chunk, context);
            } catch (Throwable e) { // NOPMD: any failure sends the chunk down the one-by-one path
                ratings = null;
            }
            if (!call.finish()) {
                handle.abandonedCallReturned();
                removeWorker();
                return true;
            }
            if (ratings == null || ratings.size() != chunk.size() || ratings.contains(null)) {
                return false;
            }
            List<ScorerOutcome> outcomes = new ArrayList<>(chunk.size());
            for (Rating rating : ratings) {
                ScorerOutcome outcome = check(rating);
                if (outcome.status().isFailure()) {
                    return false;
                }
                outcomes.add(outcome);
            }
            for (int i = 0; i < outcomes.size(); i++) {
                record(from + i, outcomes.get(i));
            }
            return true;
        }

        // the scorer's health is recorded before the outcome counts as done, so a finished batch reports it
        private void record(int task, ScorerOutcome outcome) {
            if (batch.claim(s, task, outcome)) {
                if (outcome.status().isFailure()) {
                    if (handle.recordFailure(outcome.status(), outcome.reason(), config.quarantineAfter())) {
                        failuresRanLong(outcome.reason());
                    }
                } else {
                    handle.recordRated();
                }
                batch.done();
            }
        }

        // a run: quarantined to its end; a long-running engine: a probe decides whether the scorer is the cause
        private void failuresRanLong(String reason) {
            if (coolDown == null) {
                handle.quarantine("quarantined after " + config.quarantineAfter() + " consecutive failures; last: "
                        + reason);
            } else if (handle.startProbe()) {
                probe();
            }
        }

        private void probe() {
            pool.execute(new ScorerProbe(handle, context, watchdog, limitNanos, coolDown, config.quarantineAfter(),
                    ScoringEngine.this::addWorker, ScoringEngine.this::removeWorker));
        }

        // runs on the watchdog's thread
        private void timedOut(int task) {
            handle.callAbandoned();
            record(task, ScorerOutcome.unrated(handle.id(), handle.info().version(), RatingStatus.TIMED_OUT,
                    "took longer than the per-task time limit of " + config.taskTimeLimit().toMillis() + " ms"));
            if (task + 1 < to) {
                pool.execute(new ScorerJob(batch, s, task + 1, to, false));
            }
            addWorker();
        }

        private ScorerOutcome check(Rating rating) {
            if (rating == null) {
                return failed("returned no rating (null)");
            }
            for (Axis axis : Axis.values()) {
                if (rating.value(axis).isPresent() && !handle.info().axes().contains(axis)) {
                    return failed("rated " + axis.fieldName() + ", which its info() does not declare");
                }
            }
            return ScorerOutcome.rated(handle.id(), handle.info().version(), rating);
        }

        private ScorerOutcome failed(String reason) {
            return ScorerOutcome.unrated(handle.id(), handle.info().version(), RatingStatus.FAILED, reason);
        }
    }

    /**
     * Says what a scorer's exception means, in one line.
     *
     * @param e what the scorer threw
     * @return the reason to record
     */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " ");
        if (e instanceof dev.moravec.api.ScoringException) {
            return "could not rate" + message;
        }
        if (e instanceof IllegalArgumentException && madeByRating(e)) {
            return "returned an invalid rating" + message;
        }
        return "threw " + e.getClass().getName() + message;
    }

    private static boolean madeByRating(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals(Rating.class.getName())) {
                return true;
            }
        }
        return false;
    }

    /** What the host offers scorers: the taxonomy, and cancellation, which follows the interrupt flag. */
    private record HostScoringContext(Optional<TaxonomyView> taxonomy) implements ScoringContext {}
}
