package dev.moravec.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Files.writeString(home.resolve("conf").resolve(dev.moravec.engine.VerifiedPlugins.SHIPPED_CHECKSUMS), sums);
    }

    static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    /**
     * Builds a test plugin with bnd and installs it into the distribution's plugins folder with
     * {@code moravec plugins install}, as a user would.
     */
    void install(String name, String testPackage) throws Exception {
        Path jar = dev.moravec.engine.testing.TestBundles.build(home.resolveSibling("built").resolve(name + ".jar"),
                "test." + name, "1.0.0", "dev.moravec.engine.testplugins." + testPackage, Map.of());
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
        Environment environment = new Environment(home, variables,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(stdout, true, StandardCharsets.UTF_8));
        CommandLine commandLine = Moravec.commandLine(environment);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out + stdout.toString(StandardCharsets.UTF_8), err.toString());
    }

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }
}
