package dev.moravec.spark;

import dev.moravec.host.PluginHostException;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import dev.moravec.spark.internal.JobFailedException;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * What a failed job prints and exits with: one line a user can act on (for plugins that cannot run on
 * an executor, the plugin host's message, not Spark's stack trace), escaped and cut as the command line's
 * messages are ({@link Quoted#message}), and the documented exit code; the stack trace only with
 * {@code --verbose}.
 */
final class JobErrors implements IExecutionExceptionHandler {

    private final BooleanSupplier verbose;

    JobErrors(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof BadInputException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof JobFailedException failed) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = failed.plugins() ? ExitCodes.PLUGINS : ExitCodes.INTERNAL;
        } else if (e instanceof PluginHostException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.PLUGINS;
        } else if (e instanceof java.io.IOException) {
            err.println("moravec: input or output failed: " + Quoted.message(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else {
            err.println("moravec: internal error: " + e + (verbose.getAsBoolean() ? ""
                    : " (run again with --verbose for the stack trace, and report it)"));
            code = ExitCodes.INTERNAL;
        }
        if (verbose.getAsBoolean()) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
