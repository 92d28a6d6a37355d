package dev.moravec.cli;

import dev.moravec.app.Environment;
import dev.moravec.app.Taxonomies;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option: where the taxonomy index and the caches live. */
public final class DataMixin {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder: the taxonomy index and caches (default: $MORAVEC_HOME, else ~/.moravec).")
    public Path data;

    /**
     * The data folder.
     *
     * @param environment where the command runs
     * @return the option, else {@code MORAVEC_HOME}, else {@code ~/.moravec}
     */
    public Path dir(Environment environment) {
        return environment.dataDir(data);
    }

    /**
     * Opens the data folder's taxonomy index, indexing the built-in starter catalog first when nothing
     * was imported yet (and saying so on standard error).
     *
     * @param moravec the command line
     * @param err standard error
     * @return the index; the caller closes it
     * @throws IOException if the index cannot be read or written
     * @throws BadInputException if the index is of another schema version or locked
     */
    public TaxonomyIndex openTaxonomy(Moravec moravec, PrintWriter err)
            throws IOException, BadInputException {
        return Taxonomies.open(dir(moravec.environment), moravec.mapper, Moravec.notice(err));
    }

    /** @return " --data DIR" when the option was given, for hints that repeat the command */
    public String hint() {
        return data == null ? "" : " --data " + data;
    }
}
