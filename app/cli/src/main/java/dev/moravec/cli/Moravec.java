package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.app.Environment;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "PURE_REASONING tasks are automated first; LAGGING ones (embodied, tacit, taste-bound) last."})
public final class Moravec {

    /**
     * The commands by name, in the order the help lists them. They are added to the command line in
     * {@link #commandLine(Environment, String...)}, not declared on the annotation, so that a run builds
     * only the command it runs: reading every command's annotations took a fifth of start-up.
     */
    static final Map<String, Class<?>> COMMANDS = commands();

    private static Map<String, Class<?>> commands() {
        Map<String, Class<?>> commands = new LinkedHashMap<>();
        commands.put("classify", ClassifyCommand.class);
        commands.put("explain", ExplainCommand.class);
        commands.put("taxonomy", TaxonomyCommand.class);
        commands.put("search", SearchCommand.class);
        commands.put("rank", RankCommand.class);
        commands.put("show", ShowCommand.class);
        commands.put("bottlenecks", BottlenecksCommand.class);
        commands.put("scenarios", ScenariosCommand.class);
        commands.put("compare", CompareCommand.class);
        commands.put("override", OverrideCommand.class);
        commands.put("evaluate", EvaluateCommand.class);
        commands.put("calibrate", CalibrateCommand.class);
        commands.put("train", TrainCommand.class);
        commands.put("serve", ServeCommand.class);
        commands.put("report", ReportCommand.class);
        commands.put("plugins", PluginsCommand.class);
        commands.put("help", CommandLine.HelpCommand.class);
        return Collections.unmodifiableMap(commands);
    }

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
     * The command line with every command, with Moravec's error handling and exit codes.
     *
     * @param environment where the command runs
     * @return the command line, ready to {@link CommandLine#execute execute}
     */
    public static CommandLine commandLine(Environment environment) {
        return commandLine(environment, COMMANDS.keySet());
    }

    /**
     * The command line for the given arguments: with only the command they name, or with every command
     * when they name none (or {@code help}), so that the help, the version and the suggestions for a
     * mistyped command are those of the whole.
     *
     * @param environment where the command runs
     * @param args the arguments it will execute
     * @return the command line, ready to {@link CommandLine#execute execute} the arguments
     */
    public static CommandLine commandLine(Environment environment, String... args) {
        // the top-level options take no value, so the first argument that is not an option names the command
        String named = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).findFirst().orElse("help");
        return commandLine(environment, COMMANDS.containsKey(named) && !named.equals("help") ? List.of(named)
                : COMMANDS.keySet());
    }

    private static CommandLine commandLine(Environment environment, Collection<String> names) {
        Moravec moravec = new Moravec(environment);
        CommandLine commandLine = new CommandLine(moravec);
        for (String name : names) {
            commandLine.addSubcommand(name, COMMANDS.get(name));
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(new ErrorHandler(() -> moravec.verbose));
        return commandLine;
    }

    /**
     * Prints notices from the application layer on standard error, each after {@code moravec: }.
     *
     * @param err standard error
     * @return a consumer of one-line notices
     */
    static java.util.function.Consumer<String> notice(PrintWriter err) {
        return line -> {
            err.println("moravec: " + dev.moravec.model.Quoted.message(line));
            err.flush();
        };
    }

    /**
     * Prints warnings on standard error, each as {@code moravec: warning: ...}.
     *
     * @param err standard error
     * @param warnings the warnings, one line each
     */
    static void warn(PrintWriter err, java.util.List<String> warnings) {
        for (String warning : warnings) {
            err.println("moravec: warning: " + dev.moravec.model.Quoted.message(warning));
        }
        err.flush();
    }

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        int code = ExitCodes.INTERNAL;
        try {
            quietLibraryLogging();
            ProcessExitWatch.install(System.err, java.time.Duration.ofSeconds(30));
            code = commandLine(Environment.fromSystem(), args).execute(args);
        } catch (OutOfMemoryError e) { // picocli hands on Errors: the command's own thread ran out of memory
            System.err.println(ErrorHandler.outOfMemory(e));
        } catch (Throwable e) { // NOPMD: whatever ended the command, the process ends with a message and a code
            System.err.println("moravec: internal error: " + e + " (report it, with the stack trace below)");
            e.printStackTrace();
        } finally {
            // always: after a failure that skipped its cleanup, Felix's threads would keep the JVM alive
            ProcessExitWatch.allow();
            System.exit(code);
        }
    }

    /**
     * Keeps standard error for what matters: Lucene, which logs through java.util.logging, logs
     * warnings and errors only. The libraries that log through SLF4J (Javalin, Jetty) are set by the
     * {@code simplelogger.properties} this module ships. Run by {@link #main}; tests run it to log as
     * the distribution does.
     */
    static void quietLibraryLogging() {
        // Lucene reports its SIMD setup at INFO once per JVM
        LUCENE_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    // held so the level set on it is not lost to garbage collection
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");
}
