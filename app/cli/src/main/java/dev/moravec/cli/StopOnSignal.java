package dev.moravec.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or a termination signal, turned into a request the command answers: a shutdown hook that
 * says a stop was asked for, then waits (up to a limit) until the command has closed what it must,
 * since the JVM halts once its hooks return. Close it when the command is done.
 */
final class StopOnSignal implements AutoCloseable {

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /**
     * Registers the hook.
     *
     * @param wait how long the hook waits for the command to finish
     */
    StopOnSignal(Duration wait) {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                finished.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "moravec-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return whether a stop was asked for */
    boolean requested() {
        return requested.getCount() == 0;
    }

    /**
     * Waits until a stop is asked for.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void await() throws InterruptedException {
        requested.await();
    }

    /** Says the command is done, which releases a hook that is waiting, and removes the hook. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
