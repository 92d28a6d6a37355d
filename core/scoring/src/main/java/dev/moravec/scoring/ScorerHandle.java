package dev.moravec.scoring;

import dev.moravec.api.ScorerInfo;
import dev.moravec.api.ScoringContext;
import dev.moravec.api.TaskScorer;
import dev.moravec.model.RatingStatus;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One scorer the host knows, with its health: how often it rated, failed and timed out, how many of
 * its calls that ran past the time limit still run, and whether it is quarantined. Thread-safe.
 */
public final class ScorerHandle {

    private static final int MAX_DISTINCT_REASONS = 50;

    private final TaskScorer scorer;
    private final ScorerInfo info;
    private final String origin;
    private final boolean batching;
    private final LongAdder rated = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final Map<String, LongAdder> reasons = new ConcurrentHashMap<>();
    private volatile String quarantine;
    /** In a long-running engine, when a quarantine may be probed again ({@link System#nanoTime()}). */
    private volatile long probeAfter;
    private final AtomicBoolean probing = new AtomicBoolean();
    private final AtomicInteger stuck = new AtomicInteger();
    private final Object leaseLock = new Object();
    private int leases;
    private boolean retired;

    /**
     * @param scorer the scorer
     * @param info its identity, read once
     * @param origin where it comes from, for reports (a bundle and its file)
     */
    public ScorerHandle(TaskScorer scorer, ScorerInfo info, String origin) {
        this.scorer = scorer;
        this.info = info;
        this.origin = origin;
        this.batching = overridesRateAll(scorer);
    }

    private static boolean overridesRateAll(TaskScorer scorer) {
        try {
            return scorer.getClass().getMethod("rateAll", List.class, ScoringContext.class).getDeclaringClass()
                    != TaskScorer.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** @return the scorer */
    public TaskScorer scorer() {
        return scorer;
    }

    /** @return its identity */
    public ScorerInfo info() {
        return info;
    }

    /** @return the scorer's id */
    public String id() {
        return info.id();
    }

    /** @return where the scorer comes from, such as its bundle and file */
    public String origin() {
        return origin;
    }

    /** @return whether the scorer overrides {@link TaskScorer#rateAll} and so gains from batches */
    public boolean batching() {
        return batching;
    }

    /** @return whether the scorer is quarantined */
    public boolean isQuarantined() {
        return quarantine != null;
    }

    /** @return why the scorer is quarantined, or {@code null} */
    public String quarantineReason() {
        return quarantine;
    }

    /**
     * The calls into this scorer that ran past the time limit and have not returned yet: each holds a
     * thread, which ignores the interrupt it was sent.
     *
     * @return how many
     */
    public int stuckCalls() {
        return Math.max(0, stuck.get()); // a call may return before the watchdog has counted it
    }

    /** @return the number of tasks it rated or abstained on */
    public long ratedCount() {
        return rated.sum();
    }

    /** @return the number of ratings that failed */
    public long failedCount() {
        return failed.sum();
    }

    /** @return the number of ratings that ran past the time limit */
    public long timedOutCount() {
        return timedOut.sum();
    }

    /**
     * The failure reasons seen, most frequent first.
     *
     * @return each reason with its count
     */
    public Map<String, Long> failureReasons() {
        Map<String, Long> sorted = new LinkedHashMap<>();
        reasons.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, LongAdder> e) -> e.getValue().sum()).reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue().sum()));
        return sorted;
    }

    /**
     * Takes a lease for one batch, so the scorer is not retired while the batch uses it.
     *
     * @return false if the scorer is retired (its bundle is stopping): read the active scorers again
     */
    boolean tryAcquire() {
        synchronized (leaseLock) {
            if (retired) {
                return false;
            }
            leases++;
            return true;
        }
    }

    /** Gives back a lease taken with {@link #tryAcquire()}. */
    void release() {
        synchronized (leaseLock) {
            leases--;
            if (leases == 0) {
                leaseLock.notifyAll();
            }
        }
    }

    /**
     * Retires the scorer: no new batch takes it, and the batches that hold it finish with it first.
     * Called while its service goes away and before its component is deactivated, so a bundle that
     * stops (replaced or removed) never fails a batch in flight nor lets it mix versions.
     *
     * @param maxWait how long to wait for the batches in flight; a batch ends in bounded time (every
     *     call into a scorer has a time limit), this is a safety net
     * @return true if no batch holds the scorer any more
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean retire(java.time.Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        synchronized (leaseLock) {
            retired = true;
            while (leases > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(leaseLock, left);
            }
            return true;
        }
    }

    /** Records a rating (or an abstention) and ends a run of failures. */
    void recordRated() {
        rated.increment();
        consecutiveFailures.set(0);
    }

    /**
     * Records a failure.
     *
     * @param status {@link RatingStatus#FAILED} or {@link RatingStatus#TIMED_OUT}
     * @param reason why
     * @param quarantineAfter the number of consecutive failures that quarantines the scorer
     * @return whether this failure made the run of failures reach {@code quarantineAfter}
     */
    boolean recordFailure(RatingStatus status, String reason, int quarantineAfter) {
        (status == RatingStatus.TIMED_OUT ? timedOut : failed).increment();
        LongAdder count = reasons.get(reason);
        if (count == null && reasons.size() < MAX_DISTINCT_REASONS) {
            count = reasons.computeIfAbsent(reason, r -> new LongAdder());
        }
        if (count != null) {
            count.increment();
        }
        return consecutiveFailures.incrementAndGet() == quarantineAfter;
    }

    /**
     * Quarantines the scorer, unless it is already.
     *
     * @param reason why, as reports show it
     */
    void quarantine(String reason) {
        if (quarantine == null) {
            quarantine = reason;
        }
    }

    /**
     * Starts a probe, unless one runs: when a run of failures asks whether the scorer is broken, or when
     * the cool-down of its quarantine is over.
     *
     * @return true if the caller is to probe
     */
    boolean startProbe() {
        if (quarantine != null && System.nanoTime() - probeAfter < 0) {
            return false;
        }
        return probing.compareAndSet(false, true);
    }

    /** The probe rated: the failures came from the tasks, not the scorer; any quarantine lifts. */
    void probeRated() {
        consecutiveFailures.set(0);
        quarantine = null;
        probing.set(false);
    }

    /**
     * The probe failed too: the scorer is broken, and quarantined until a probe after the cool-down rates.
     *
     * @param reason the quarantine's reason
     * @param coolDown how long until the next probe
     */
    void probeFailed(String reason, java.time.Duration coolDown) {
        probeAfter = System.nanoTime() + coolDown.toNanos();
        quarantine = reason;
        probing.set(false);
    }

    /** A call ran past the time limit and was abandoned; its thread is still in the scorer. */
    void callAbandoned() {
        stuck.incrementAndGet();
    }

    /** An abandoned call returned at last, and its thread with it. */
    void abandonedCallReturned() {
        stuck.decrementAndGet();
    }
}
