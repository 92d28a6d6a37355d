package dev.moravec.host.guard;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The stand-ins the host weaves into plugin classes for {@code System.exit(int)},
 * {@code Runtime.exit(int)} and {@code Runtime.halt(int)}: each has the stack effect of the call it
 * replaces and throws {@link ProcessExitDenied} instead of ending the process. Every refusal is logged
 * as a warning and remembered ({@link #refusals()}), since one made on a thread the plugin started
 * reaches no rating. Public only because rewritten plugin code must reach it. Thread-safe.
 */
public final class ExitGuard {

    private static final Logger LOG = LoggerFactory.getLogger(ExitGuard.class);
    private static final int REMEMBERED = 100;
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final Deque<String> REFUSALS = new ArrayDeque<>();

    private ExitGuard() {}

    /**
     * Stands in for {@code System.exit(status)}.
     *
     * @param status the exit status asked for
     */
    public static void systemExit(int status) {
        throw refuse("System.exit", status);
    }

    /**
     * Stands in for {@code runtime.exit(status)}.
     *
     * @param runtime the runtime it was called on
     * @param status the exit status asked for
     */
    public static void runtimeExit(Runtime runtime, int status) {
        throw refuse("Runtime.exit", status);
    }

    /**
     * Stands in for {@code runtime.halt(status)}.
     *
     * @param runtime the runtime it was called on
     * @param status the exit status asked for
     */
    public static void runtimeHalt(Runtime runtime, int status) {
        throw refuse("Runtime.halt", status);
    }

    /**
     * The refusals so far in this process, oldest first (the last hundred).
     *
     * @return one line each: who called what, on which thread
     */
    public static List<String> refusals() {
        synchronized (REFUSALS) {
            return List.copyOf(REFUSALS);
        }
    }

    private static ProcessExitDenied refuse(String call, int status) {
        String caller = WALKER.walk(frames -> frames.filter(f -> !f.getClassName().equals(ExitGuard.class.getName()))
                .findFirst().map(f -> f.getClassName() + "." + f.getMethodName()).orElse("plugin code"));
        ProcessExitDenied denied = new ProcessExitDenied(call, status, caller);
        String line = denied.getMessage() + " (thread '" + Thread.currentThread().getName() + "')";
        synchronized (REFUSALS) {
            if (REFUSALS.size() == REMEMBERED) {
                REFUSALS.removeFirst();
            }
            REFUSALS.addLast(line);
        }
        LOG.warn("{}", line);
        return denied;
    }
}
