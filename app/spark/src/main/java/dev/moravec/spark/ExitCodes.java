package dev.moravec.spark;

/** The exit codes of {@code moravec spark}, the same as the {@code moravec} command's (docs/commands.md). */
final class ExitCodes {

    /** Everything worked. */
    static final int OK = 0;
    /** An internal failure, or a job Spark gave up on: run again with --verbose for the stack trace. */
    static final int INTERNAL = 1;
    /** The command line is wrong. */
    static final int USAGE = 2;
    /** An input is wrong: a catalog record or header, the configuration, the output folder exists. */
    static final int BAD_INPUT = 3;
    /** The plugins cannot run, on the driver or on an executor. */
    static final int PLUGINS = 4;

    private ExitCodes() {}
}
