package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.engine.BadInputException;
import dev.moravec.engine.PluginHostException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code moravec} command: rates occupational tasks by transferability and verification cost.
 * {@code main} runs it with the process's environment; tests build it with their own.
 */
@Command(name = "moravec",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rates occupational tasks on transferability (is what the task needs written down in text?)",
            "and verification cost (how costly is it to check an attempt?), and sorts them into quadrants:",
            "PURE_REASONING tasks are automated first; LAGGING ones (embodied, tacit, taste-bound) last."},
        subcommands = {ClassifyCommand.class, ExplainCommand.class, TaxonomyCommand.class, SearchCommand.class,
            RankCommand.class, ShowCommand.class, EvaluateCommand.class, CalibrateCommand.class, TrainCommand.class,
            ServeCommand.class, ReportCommand.class, PluginsCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class})
public final class Moravec {

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show stack traces of errors.")
    boolean verbose;

    final Environment environment;
    final ObjectMapper mapper = new ObjectMapper();

    /**
     * @param environment where the command runs
     */
    public Moravec(Environment environment) {
        this.environment = environment;
    }

    /**
     * The command line, with Moravec's error handling and exit codes.
     *
     * @param environment where the command runs
     * @return the command line, ready to {@link CommandLine#execute execute}
     */
    public static CommandLine commandLine(Environment environment) {
        Moravec moravec = new Moravec(environment);
        CommandLine commandLine = new CommandLine(moravec);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            PrintWriter err = cmd.getErr();
            int code;
            if (e instanceof BadInputException) {
                err.println("moravec: " + e.getMessage());
                code = ExitCodes.BAD_INPUT;
            } else if (e instanceof PluginHostException) {
                err.println("moravec: " + e.getMessage());
                code = ExitCodes.PLUGINS;
            } else if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.nio.file.AccessDeniedException) {
                err.println("moravec: cannot open " + e.getMessage() + ": check the path and its permissions");
                code = ExitCodes.BAD_INPUT;
            } else if (e instanceof java.io.IOException) {
                err.println("moravec: input or output failed: " + e.getMessage());
                code = ExitCodes.BAD_INPUT;
            } else {
                err.println("moravec: internal error: " + e + (moravec.verbose ? ""
                        : " (run again with --verbose for the stack trace, and report it)"));
                code = ExitCodes.INTERNAL;
            }
            if (moravec.verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        return commandLine;
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Lucene reports its SIMD setup through java.util.logging at INFO; keep standard error for what matters
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
        System.exit(commandLine(Environment.fromSystem()).execute(args));
    }

    // held so the level set on it is not lost to garbage collection
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
}
