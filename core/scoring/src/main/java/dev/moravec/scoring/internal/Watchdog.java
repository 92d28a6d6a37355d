package dev.moravec.scoring.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches calls into scorers and gives up on those that run past their deadline: it marks the call
 * abandoned, interrupts the thread and runs the call's timeout action, so the batch can go on while
 * the stuck thread is left behind. Arming and finishing a call costs a few memory writes, since a
 * batch makes hundreds of thousands of them.
 */
public final class Watchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private static final int RUNNING = 0;
    private static final int DONE = 1;
    private static final int ABANDONED = 2;

    private final Set<Slot> slots = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<Slot> local = ThreadLocal.withInitial(this::newSlot);
    private final ScheduledExecutorService ticker;

    /**
     * @param tickMillis how often deadlines are checked
     */
    public Watchdog(long tickMillis) {
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "moravec-watchdog");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    private Slot newSlot() {
        Slot slot = new Slot(Thread.currentThread());
        slots.add(slot);
        return slot;
    }

    /**
     * Starts watching a call on the current thread.
     *
     * @param limitNanos how long the call may take
     * @param onTimeout run on the watchdog's thread if the call is abandoned
     * @return the call, to {@link Call#finish() finish} when it returns
     */
    public Call begin(long limitNanos, Runnable onTimeout) {
        Slot slot = local.get();
        Call call = new Call(slot.thread, System.nanoTime() + limitNanos, onTimeout);
        slot.current.set(call);
        return call;
    }

    /** Forgets the current thread; called when a worker thread ends. */
    public void forgetCurrentThread() {
        slots.remove(local.get());
        local.remove();
    }

    private void tick() {
        try {
            check(System.nanoTime());
        } catch (Throwable e) { // NOPMD: an error that ended a tick (out of memory, say) must not end the watch
            // the executor would cancel a periodic task that throws: keep ticking
        }
    }

    private void check(long now) {
        for (Slot slot : slots) {
            Call call = slot.current.get();
            if (call == null) {
                continue;
            }
            if (now - call.deadline > 0 && call.state.compareAndSet(RUNNING, ABANDONED)) {
                try {
                    call.thread.interrupt();
                } finally {
                    call.interrupted = true;
                }
            }
            if (call.state.get() == ABANDONED && !call.handled) {
                try {
                    call.onTimeout.run();
                    call.handled = true;
                } catch (RuntimeException e) {
                    // the action is the engine's own; log it and keep watching the other calls
                    call.handled = true;
                    LOG.error("timeout action failed", e);
                } catch (Error e) { // NOPMD: out of memory, say: the batch waits for this action, so try again
                    // on the next tick
                }
            }
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }

    private static final class Slot {
        final Thread thread;
        final AtomicReference<Call> current = new AtomicReference<>();

        Slot(Thread thread) {
            this.thread = thread;
        }
    }

    /** One watched call. */
    public static final class Call {
        final Thread thread;
        final long deadline;
        final Runnable onTimeout;
        final AtomicInteger state = new AtomicInteger(RUNNING);
        volatile boolean interrupted;
        /** Whether the timeout action has run; one that failed for want of memory runs again. */
        volatile boolean handled;

        Call(Thread thread, long deadline, Runnable onTimeout) {
            this.thread = thread;
            this.deadline = deadline;
            this.onTimeout = onTimeout;
        }

        /**
         * Ends the call on the thread that made it.
         *
         * @return true if the call finished in time; false if the watchdog abandoned it, in which
         *     case its result must be discarded. Either way the thread's interrupt flag is clear after.
         */
        public boolean finish() {
            if (state.compareAndSet(RUNNING, DONE)) {
                Thread.interrupted(); // a scorer may have left its own interrupt behind
                return true;
            }
            while (!interrupted) {
                Thread.onSpinWait(); // wait for the watchdog's interrupt, so it cannot hit a later call
            }
            Thread.interrupted();
            return false;
        }
    }
}
