package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.engine.BadInputException;
import dev.moravec.taxonomy.ImportReport;
import dev.moravec.taxonomy.StarterCatalog;
import dev.moravec.taxonomy.TaxonomyIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data} option of every command that uses the taxonomy index, and how it opens it. */
final class TaxonomyMixin {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder holding the taxonomy index (default: $MORAVEC_HOME, else ~/.moravec).")
    Path data;

    /**
     * Opens the taxonomy index; before any import, the built-in starter catalog is indexed first, so
     * every command works out of the box.
     *
     * @param environment where the command runs
     * @param mapper the JSON mapper
     * @param err where to say that the starter catalog is used
     * @return the index; the caller closes it
     * @throws IOException if the index cannot be read or written
     * @throws BadInputException if the index is of another schema version or locked
     */
    TaxonomyIndex open(Environment environment, ObjectMapper mapper, PrintWriter err) throws IOException, BadInputException {
        Path path = environment.dataDir(data).resolve("index");
        TaxonomyIndex index = TaxonomyIndex.open(path, mapper);
        boolean success = false;
        try {
            if (!index.exists()) {
                ImportReport report = StarterCatalog.release().report();
                err.println("moravec: no taxonomy imported yet; indexing the built-in starter catalog (" + report.occupations()
                        + " occupations, " + report.tasks() + " tasks) in " + path
                        + ". Import O*NET with: moravec taxonomy import SOURCE");
                err.flush();
                index.replace(StarterCatalog.release(), line -> { });
            }
            success = true;
            return index;
        } finally {
            if (!success) {
                index.close();
            }
        }
    }
}
