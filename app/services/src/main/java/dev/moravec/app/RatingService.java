package dev.moravec.app;

import dev.moravec.api.Task;
import dev.moravec.model.Verdict;
import dev.moravec.scoring.ScorerHandle;
import dev.moravec.scoring.ScoringEngine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Rates the tasks of one request within a time limit, on the scoring engine's threads: for the
 * server's classify and explain. Close it to stop its threads.
 */
public final class RatingService implements AutoCloseable {

    /** Why a request was not rated: no scorer is active, it ran out of time, or the service is stopping. */
    public static final class NotRated extends Exception {

        private static final long serialVersionUID = 1L;

        /** What went wrong. */
        public enum Reason { NO_SCORER, TIMED_OUT, STOPPING }

        private final Reason reason;

        NotRated(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        /** @return why */
        public Reason reason() {
            return reason;
        }
    }

    private final ScoringEngine engine;
    private final Duration limit;
    // requests wait here so that their time can be bounded; scoring itself runs on the engine's threads
    private final ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * @param engine the engine, which follows the scorers as bundles come and go
     * @param limit how long one request may take in all
     */
    public RatingService(ScoringEngine engine, Duration limit) {
        this.engine = engine;
        this.limit = limit;
    }

    /** @return the scorers a request made now would use */
    public List<ScorerHandle> scorers() {
        return engine.scorers();
    }

    /**
     * Rates tasks.
     *
     * @param tasks the tasks
     * @return one verdict per task, in order
     * @throws NotRated if no scorer is active, the limit passed, or the service is stopping
     */
    public List<Verdict> rate(List<Task> tasks) throws NotRated {
        if (engine.scorers().isEmpty()) {
            throw new NotRated(NotRated.Reason.NO_SCORER, "no scorer is active");
        }
        Future<List<Verdict>> verdicts = requests.submit(() -> engine.classify(tasks));
        try {
            return verdicts.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            verdicts.cancel(true);
            throw new NotRated(NotRated.Reason.TIMED_OUT, "classifying " + tasks.size() + " tasks took longer than "
                    + limit.toSeconds() + " s; send fewer tasks per request");
        } catch (InterruptedException e) {
            verdicts.cancel(true);
            Thread.currentThread().interrupt();
            throw new NotRated(NotRated.Reason.STOPPING, "the server is stopping");
        } catch (ExecutionException e) {
            throw new IllegalStateException("classification failed", e.getCause());
        }
    }

    @Override
    public void close() {
        requests.shutdownNow();
    }
}
