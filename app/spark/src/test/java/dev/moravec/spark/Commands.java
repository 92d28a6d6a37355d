package dev.moravec.spark;

import dev.moravec.app.Environment;
import dev.moravec.cli.Moravec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/** Runs {@code moravec} commands and {@code moravec spark classify} in the test's JVM, as a user runs them. */
final class Commands {

    /**
     * What a command did.
     *
     * @param exitCode its exit code
     * @param err what it printed on standard error
     */
    record Result(int exitCode, String err) {}

    private Commands() {}

    /**
     * @param environment where it runs
     * @param args the arguments after {@code classify}
     * @return what {@code moravec classify} did
     */
    static Result classify(Environment environment, String... args) {
        List<String> all = new ArrayList<>(List.of("classify", "--no-progress"));
        all.addAll(Arrays.asList(args));
        return moravec(environment, all.toArray(String[]::new));
    }

    /**
     * @param environment where it runs
     * @param args the arguments after {@code moravec}
     * @return what {@code moravec} did
     */
    static Result moravec(Environment environment, String... args) {
        return run(Moravec.commandLine(environment, args), args);
    }

    /**
     * @param environment where the driver runs
     * @param args the arguments after {@code spark classify}
     * @return what {@code moravec spark classify} did
     */
    static Result spark(Environment environment, String... args) {
        List<String> all = new ArrayList<>(List.of("classify"));
        all.addAll(Arrays.asList(args));
        return run(SparkCommand.commandLine(environment), all.toArray(String[]::new));
    }

    private static Result run(CommandLine commandLine, String[] args) {
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        for (CommandLine sub : commandLine.getSubcommands().values()) {
            sub.setErr(new PrintWriter(err, true));
        }
        int code = commandLine.execute(args);
        return new Result(code, err.toString());
    }
}
