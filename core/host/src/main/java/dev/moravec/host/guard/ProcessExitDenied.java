package dev.moravec.host.guard;

import java.io.Serial;

/**
 * Thrown where plugin code called {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}:
 * a plugin may not end the Moravec process. An {@link Error}, so that plugin code catching
 * {@code Exception} does not swallow it: a rating fails with it as its reason, an activation that
 * throws it fails, and a thread the plugin started ends with it.
 */
public final class ProcessExitDenied extends Error {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String call;
    private final int status;
    private final String caller;

    /**
     * @param call what was called, such as {@code System.exit}
     * @param status the exit status asked for
     * @param caller the plugin method that called it, such as {@code com.example.MyScorer.rate}
     */
    public ProcessExitDenied(String call, int status, String caller) {
        super(caller + " called " + call + "(" + status + "): a plugin may not end the Moravec process, so the"
                + " call was refused");
        this.call = call;
        this.status = status;
        this.caller = caller;
    }

    /** @return what was called, such as {@code System.exit} */
    public String call() {
        return call;
    }

    /** @return the exit status asked for */
    public int status() {
        return status;
    }

    /** @return the plugin method that called it */
    public String caller() {
        return caller;
    }
}
