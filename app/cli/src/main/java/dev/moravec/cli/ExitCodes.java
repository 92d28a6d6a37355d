package dev.moravec.cli;

/** The exit codes of the {@code moravec} command, documented in docs/commands.md. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** An internal failure: a bug in Moravec; run again with --verbose and report the stack trace. */
    public static final int INTERNAL = 1;
    /** The command line is wrong: an unknown option, a missing argument. */
    public static final int USAGE = 2;
    /** An input is wrong: a catalog record, a configuration or a lexicon file. */
    public static final int BAD_INPUT = 3;
    /**
     * The plugins cannot run (the OSGi framework failed, or no scorer is active), or a plugin ended the
     * process by a way the host cannot refuse; the output is then incomplete and {@code classify --resume}
     * continues it.
     */
    public static final int PLUGINS = 4;
    /** An output could not be written: a full disk, a file that cannot be written, a closed pipe. */
    public static final int OUTPUT_FAILED = 5;
    /** Stopped by Ctrl-C or a termination signal before the end; {@code classify --resume} continues. */
    public static final int STOPPED = 130;

    private ExitCodes() {}
}
