package dev.moravec.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.moravec.cli.Format;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the benchmarks that run the launcher as a process prepare in their scratch folder: a copy of the
 * data folder's taxonomy index (the descriptor scorer reads it), configurations with some scorers
 * switched off, and the machine's load to report beside the figures; and how they start the launcher in it.
 */
final class BenchScratch {

    private BenchScratch() {}

    /**
     * Copies the taxonomy index of a data folder into the scratch data folder, or indexes the starter
     * catalog there when there is none.
     *
     * @param moravec the bench command
     * @param data the data folder to copy from, or {@code null} for the user's
     * @param dataDir the scratch data folder
     * @return what the runs read, in words
     */
    static String taxonomy(MoravecBench moravec, Path data, Path dataDir) throws Exception {
        Path source = moravec.environment.dataDir(data).resolve("index");
        Path index = dataDir.resolve("index");
        Files.createDirectories(index);
        if (Files.isDirectory(source)) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                        .equals("write.lock")).toList()) {
                    Files.copy(file, index.resolve(file.getFileName()));
                }
            }
        }
        try (TaxonomyIndex copy = TaxonomyIndex.open(index, moravec.mapper)) {
            if (!copy.exists()) {
                copy.replace(StarterCatalog.release(), line -> { });
                return "none in " + source.getParent() + ": the built-in starter catalog, whose occupations have no"
                        + " descriptors (import O*NET for figures like a user's)";
            }
            return copy.report().source() + " (" + Format.count(copy.report().occupations()) + " occupations), a copy of "
                    + source;
        }
    }

    /**
     * The distribution's configuration with only some scorers enabled.
     *
     * @param moravec the bench command
     * @param file where to write it
     * @param enabled the scorers left on
     * @return the file
     */
    static Path config(MoravecBench moravec, Path file, String... enabled) throws IOException {
        Path shipped = moravec.environment.defaultConfig();
        ObjectNode config = Files.isRegularFile(shipped) ? (ObjectNode) moravec.mapper.readTree(shipped.toFile())
                : moravec.mapper.createObjectNode();
        ObjectNode scorers = config.has("scorers") ? (ObjectNode) config.get("scorers") : config.putObject("scorers");
        for (String id : List.of("lexicon", "descriptors", "semantic")) {
            ObjectNode scorer = scorers.has(id) ? (ObjectNode) scorers.get(id) : scorers.putObject(id);
            scorer.put("enabled", List.of(enabled).contains(id));
        }
        moravec.mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), config);
        return file;
    }

    /**
     * Starts a command of the launcher as a process of its own, with the scratch data folder as its
     * {@code MORAVEC_HOME}, its output in a log.
     *
     * @param command the launcher and its arguments
     * @param log where its standard output and error go
     * @param scratch the scratch folder, whose {@code data} folder it uses
     * @param jvmOptions its {@code JAVA_OPTS}
     * @return the process
     */
    static Process start(List<String> command, Path log, Path scratch, String jvmOptions) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("MORAVEC_HOME", scratch.resolve("data").toString());
        builder.environment().put("JAVA_OPTS", jvmOptions);
        return builder.start();
    }

    /**
     * Runs a command of the launcher as {@link #start} starts it and waits for its end.
     *
     * @return its exit code
     */
    static int run(List<String> command, Path log, Path scratch, String jvmOptions)
            throws IOException, InterruptedException {
        Process process = start(command, log, scratch, jvmOptions);
        try {
            return process.waitFor();
        } finally {
            process.destroy();
        }
    }

    /** @return the load average over 1, 5 and 15 minutes, as /proc/loadavg has it */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
