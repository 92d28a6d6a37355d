package dev.moravec.cli;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.OnetReleaseReader;
import dev.moravec.taxonomy.sources.Release;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** An O*NET release to read and the files that bring in what it lacks: for import and the benchmarks. */
public final class ReleaseMixin {

    @Parameters(paramLabel = "SOURCE", arity = "0..1",
            description = "The release's folder or zip, such as db_29_1_text.")
    public Path source;

    @Option(names = "--skills", paramLabel = "FILE", description = "Skills in the O*NET column layout (tab-separated).")
    public Path skills;

    @Option(names = "--knowledge", paramLabel = "FILE", description = "Knowledge in the O*NET column layout.")
    public Path knowledge;

    @Option(names = "--task-ratings", paramLabel = "FILE",
            description = "The official Task Ratings file, or a per-task summary CSV with importance and relevance.")
    public Path taskRatings;

    @Option(names = "--employment", paramLabel = "FILE",
            description = "A BLS OEWS national employment file (CSV); its mean annual wages (A_MEAN) are read too.")
    public Path employment;

    @Option(names = "--soc", paramLabel = "FILE",
            description = "A SOC structure file whose titles override the built-in ones (CSV or the BLS code list).")
    public Path soc;

    /**
     * Reads the release with the extra files.
     *
     * @param progress told which file is being read
     * @return the release
     * @throws IOException if a file cannot be read
     * @throws BadInputException if a file is malformed
     */
    public Release read(Consumer<String> progress) throws IOException, BadInputException {
        if (source == null) {
            throw new BadInputException("give the O*NET release to read: its folder or zip (SOURCE), such as db_29_1_text");
        }
        return new OnetReleaseReader(progress).read(source,
                new OnetReleaseReader.Options(skills, knowledge, taskRatings, employment, soc));
    }
}
