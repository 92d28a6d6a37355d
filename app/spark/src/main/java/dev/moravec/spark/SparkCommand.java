package dev.moravec.spark;

import dev.moravec.app.Environment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code moravec spark}: the launcher runs this instead of the command line when the first argument is
 * {@code spark}, with Spark's jars on the class path (they stay out of the product's {@code lib/}).
 */
@Command(name = "moravec spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run Moravec inside Apache Spark.")
public final class SparkCommand {

    private SparkCommand() {}

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the arguments after {@code spark}
     */
    public static void main(String[] args) {
        quietSpark();
        System.exit(commandLine(Environment.fromSystem()).execute(args));
    }

    /**
     * @param environment where the command runs
     * @return {@code moravec spark} with its {@code classify} command
     */
    public static CommandLine commandLine(Environment environment) {
        CommandLine classify = SparkJob.commandLine(environment);
        CommandLine commandLine = new CommandLine(new SparkCommand());
        commandLine.addSubcommand("classify", classify);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli asks the command line that executes, not the subcommand's, how to handle an error
        commandLine.setExecutionExceptionHandler(classify.getExecutionExceptionHandler());
        return commandLine;
    }

    /**
     * Keeps standard error for what matters, before anything logs: not Hadoop's notice that it runs without
     * its native library (it runs well without), nor the stack trace Spark logs when a write stops, whose
     * cause the command reports in one line (the failed tasks' warnings stay).
     */
    private static void quietSpark() {
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.spark.sql.execution.datasources.FileFormatWriter",
                "off");
    }
}
