package dev.moravec.cli;

import dev.moravec.catalog.OutputFailedException;
import dev.moravec.catalog.OutputLockedException;
import dev.moravec.host.PluginHostException;
import dev.moravec.model.BadInputException;
import dev.moravec.model.Quoted;
import java.io.PrintWriter;
import java.util.function.BooleanSupplier;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/**
 * What a command's failure prints and exits with: the message a user can act on and the documented
 * exit code ({@link ExitCodes}); the stack trace only with {@code --verbose}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    private final BooleanSupplier verbose;

    /**
     * @param verbose whether {@code --verbose} was given, asked when an error happens
     */
    public ErrorHandler(BooleanSupplier verbose) {
        this.verbose = verbose;
    }

    /**
     * What running out of memory prints, wherever it happened.
     *
     * @param error the error
     * @return the message
     */
    static String outOfMemory(OutOfMemoryError error) {
        return "moravec: out of memory (" + error.getMessage() + "); the output ends with the last whole record."
                + " Give Moravec more memory (JAVA_OPTS=-Xmx2g), or lower --batch-size and --threads, and run the"
                + " same command with --resume to continue a classify";
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof BadInputException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof PluginHostException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.PLUGINS;
        } else if (e instanceof dev.moravec.taxonomy.index.SearchTimeoutException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof OutputLockedException) {
            err.println("moravec: " + Quoted.message(e.getMessage()));
            code = ExitCodes.OUTPUT_FAILED;
        } else if (e instanceof OutputFailedException) {
            err.println("moravec: " + Quoted.message(e.getMessage()) + " (the output may end in a record cut short, which --resume"
                    + " cuts off; free space or choose another --out, then run the same command with --resume to continue"
                    + " a classify)");
            code = ExitCodes.OUTPUT_FAILED;
        } else if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
            err.println("moravec: cannot open " + Quoted.message(e.getMessage()) + ": check the path and its permissions");
            code = ExitCodes.BAD_INPUT;
        } else if (e instanceof java.io.IOException) {
            err.println("moravec: input or output failed: " + Quoted.message(e.getMessage()));
            code = ExitCodes.BAD_INPUT;
        } else if (e.getCause() instanceof OutOfMemoryError oom) {
            err.println(outOfMemory(oom));
            code = ExitCodes.INTERNAL;
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
