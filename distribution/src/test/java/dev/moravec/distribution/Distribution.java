package dev.moravec.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The distribution the build assembled, and a way to run its launcher as a user would. */
final class Distribution {

    static final Path HOME = Path.of("target", "moravec").toAbsolutePath();

    /**
     * The data folder runs use unless they say otherwise: in the build's folder, never the user's
     * ~/.moravec; shared by the runs, so the vector cache the first run fills serves the rest.
     */
    static final Path DATA = Path.of("target", "it-data").toAbsolutePath();

    private Distribution() {}

    /** What one run of the launcher did. */
    record Run(int exitCode, String out, String err) {}

    static Run run(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(HOME.resolve("bin/moravec").toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MORAVEC_HOME", DATA.toString());
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("moravec-out", ".txt");
        Path err = Files.createTempFile("moravec-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        boolean ended = process.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertThat(ended).as("moravec %s ended within 5 minutes (a JVM left hanging?)", String.join(" ", args)).isTrue();
        Run run = new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    static Run run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }
}
