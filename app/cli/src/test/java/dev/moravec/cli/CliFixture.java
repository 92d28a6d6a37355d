package dev.moravec.cli;

import dev.moravec.app.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * A distribution laid out in a temporary folder from the build's runtime bundles and the lexicon
 * bundle, and a way to run the command in it through {@link CommandLine#execute} with captured output.
 */
final class CliFixture {

    final Path home;
    final Map<String, String> variables = new HashMap<>();

    CliFixture(Path dir) throws IOException {
        this.home = dir.resolve("moravec");
        copyJars(Path.of("target", "runtime-bundles"), home.resolve("bundles"));
        copyJars(Path.of("target", "test-plugins"), home.resolve("plugins"));
        writeShippedChecksums(home);
        // the data folder (index, vector cache) stays in the test's folder, never in the user's ~/.moravec
        variables.put("MORAVEC_HOME", dir.resolve("data").toString());
    }

    static void copyJars(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> jars = Files.list(from)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, to.resolve(jar.getFileName()));
            }
        }
    }

    /** Writes the distribution's checksums of its plugins, as the build does, so they run as shipped. */
    static void writeShippedChecksums(Path home) throws IOException {
        StringBuilder sums = new StringBuilder();
        try (Stream<Path> jars = Files.list(home.resolve("plugins"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                sums.append(sha256(jar)).append(" *").append(jar.getFileName()).append('\n');
            }
        }
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf").resolve(dev.moravec.host.VerifiedPlugins.SHIPPED_CHECKSUMS), sums);
    }

    static String sha256(Path file) throws IOException {
        return dev.moravec.model.Digest.sha256(Files.readAllBytes(file));
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /**
     * Builds a test plugin with bnd and installs it into the distribution's plugins folder with
     * {@code moravec plugins install}, as a user would.
     */
    void install(String name, String testPackage) throws Exception {
        Path jar = dev.moravec.testing.TestBundles.build(home.resolveSibling("built").resolve(name + ".jar"),
                "test." + name, "1.0.0", "dev.moravec.testing.plugins." + testPackage, Map.of());
        Run run = run("plugins", "install", jar.toString());
        if (run.exitCode() != 0) {
            throw new IllegalStateException("install failed: " + run.err());
        }
    }

    Run run(String... args) {
        return runWithInput("", args);
    }

    Run runWithInput(String stdin, String... args) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = commandLine(stdin, stdout, out, err).execute(args);
        return new Run(code, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
    }

    private CommandLine commandLine(String stdin, ByteArrayOutputStream stdout, StringWriter out, StringWriter err) {
        CommandLine commandLine = Moravec.commandLine(environment(stdin, stdout));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }

    /**
     * Starts {@code moravec serve} on a thread of its own and waits until it prints the address it serves.
     *
     * @param args the arguments after {@code serve}
     * @return the running command
     */
    Serving serve(String... args) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = Stream.concat(Stream.of("serve"), Stream.of(args)).toArray(String[]::new);
        FutureTask<Integer> exit = new FutureTask<>(
                () -> commandLine("", new ByteArrayOutputStream(), out, err).execute(command));
        Thread thread = new Thread(exit, "serve");
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher matcher = SERVING.matcher(out.toString());
            if (matcher.find()) {
                return new Serving(URI.create(matcher.group(1)), err, thread, exit);
            }
            if (exit.isDone()) {
                throw new AssertionError("serve ended with " + exit.get() + ": " + err);
            }
            Thread.sleep(50);
        }
        thread.interrupt();
        throw new AssertionError("serve printed no address within 60 s: " + out + err);
    }

    private static final Pattern SERVING = Pattern.compile("serving (http://127\\.0\\.0\\.1:\\d+/)");

    /**
     * A running {@code moravec serve}.
     *
     * @param uri the address it printed
     * @param err what it printed on standard error so far
     */
    record Serving(URI uri, StringWriter err, Thread thread, FutureTask<Integer> exit) {
        /** Interrupts the command, as Ctrl-C does through its shutdown hook, and returns its exit code. */
        int stop() throws Exception {
            thread.interrupt();
            return exit.get(30, TimeUnit.SECONDS);
        }
    }

    /**
     * The distribution as the command sees it, for a test that starts a session of its own.
     *
     * @param stdin what standard input holds
     * @param stdout where standard output goes
     */
    Environment environment(String stdin, ByteArrayOutputStream stdout) {
        return new Environment(home, variables, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }
}
