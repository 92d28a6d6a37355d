package dev.moravec.cli;

import dev.moravec.host.guard.ProcessExitDenied;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;

/**
 * The command line's last line of defence against code that ends the process behind its back. The
 * plugin host refuses the calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} it
 * finds in plugin classes; an exit made another way (by reflection, say) still runs the JVM's shutdown
 * hooks, and this one turns it into exit code {@link ExitCodes#PLUGINS} with a message that names the
 * caller and says the output is incomplete, instead of the exit code the caller chose. It waits for the
 * command to finish what it was writing first (a running {@code classify} stops after a whole batch,
 * as on Ctrl-C), so {@code --resume} continues. Exits that Moravec asked for ({@link #allow()}) and
 * signals (Ctrl-C, {@code kill}) pass untouched. It also keeps the stack trace of a thread a plugin
 * started out of standard error when the thread ends because its exit was refused: the host has logged
 * the refusal in one line.
 */
final class ProcessExitWatch {

    private static volatile boolean allowed;

    private ProcessExitWatch() {}

    /**
     * Registers the shutdown hook and the handler of threads that end with a refused exit.
     *
     * @param err where the message goes
     * @param wait how long the hook waits for the command to finish before it ends the process
     */
    static void install(PrintStream err, Duration wait) {
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> onShutdown(err, wait, main), "moravec-exit-watch"));
        Thread.UncaughtExceptionHandler fallback = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof ProcessExitDenied) {
                return; // logged by the host as it refused the call
            }
            if (fallback != null) {
                fallback.uncaughtException(thread, e);
            } else { // what the JVM prints without a handler (its thread group would call this handler again)
                err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(err);
            }
        });
    }

    /** Says the exit about to happen is Moravec's own: the command finished and exits with its code. */
    static void allow() {
        allowed = true;
    }

    private static void onShutdown(PrintStream err, Duration wait, Thread main) {
        if (allowed) {
            return;
        }
        Map.Entry<Thread, StackTraceElement[]> exiter = exiter();
        if (exiter == null) {
            return; // a signal, or the last thread ended
        }
        err.println("moravec: " + caller(exiter.getValue()) + " (thread '" + exiter.getKey().getName()
                + "') ended the process before the command finished, which Moravec did not ask for: the output is"
                + " incomplete. Remove or fix that plugin, then run the same command with --resume to continue a"
                + " classify (exit code " + ExitCodes.PLUGINS + ")");
        err.flush();
        if (exiter.getKey() != main) {
            long deadline = System.nanoTime() + wait.toNanos();
            while (!allowed && System.nanoTime() < deadline) { // the command stops after a whole batch, as on Ctrl-C
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        Runtime.getRuntime().halt(ExitCodes.PLUGINS);
    }

    // the thread that called Runtime.exit (System.exit calls it): a signal's handler calls the shutdown directly
    private static Map.Entry<Thread, StackTraceElement[]> exiter() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return thread;
                }
            }
        }
        return null;
    }

    // the first frame below the exit that is not the JDK's own: the code that asked for it
    private static String caller(StackTraceElement[] frames) {
        boolean belowExit = false;
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                belowExit = true;
            } else if (belowExit && !frame.getClassName().matches("(java|javax|jdk|sun)\\..*")) {
                return frame.getClassName() + "." + frame.getMethodName();
            }
        }
        return "code outside Moravec";
    }
}
