package dev.moravec.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.engine.BadInputException;
import dev.moravec.taxonomy.ImportReport;
import dev.moravec.taxonomy.StarterCatalog;
import dev.moravec.taxonomy.TaxonomyIndex;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Opens the taxonomy index of the data folder for the commands that use it. */
final class Taxonomies {

    private Taxonomies() {}

    /**
     * The taxonomy index of the data folder, if anything was imported (or the starter catalog indexed),
     * for commands that only read it when it is there.
     *
     * @param environment where the command runs
     * @param data the data folder option
     * @param mapper the JSON mapper
     * @return the index, or {@code null} when the data folder holds none; the caller closes it
     * @throws IOException if the index cannot be read
     * @throws BadInputException if the index is of another schema version
     */
    static TaxonomyIndex openIfPresent(Environment environment, DataMixin data, ObjectMapper mapper)
            throws IOException, BadInputException {
        Path path = data.dir(environment).resolve("index");
        if (!java.nio.file.Files.isDirectory(path)) {
            return null;
        }
        TaxonomyIndex index = TaxonomyIndex.open(path, mapper);
        if (!index.exists()) {
            index.close();
            return null;
        }
        return index;
    }

    /**
     * Opens the taxonomy index; before any import, the built-in starter catalog is indexed first, so
     * every command works out of the box.
     *
     * @param environment where the command runs
     * @param data the data folder option
     * @param mapper the JSON mapper
     * @param err where to say that the starter catalog is used
     * @return the index; the caller closes it
     * @throws IOException if the index cannot be read or written
     * @throws BadInputException if the index is of another schema version or locked
     */
    static TaxonomyIndex open(Environment environment, DataMixin data, ObjectMapper mapper, PrintWriter err)
            throws IOException, BadInputException {
        Path path = data.dir(environment).resolve("index");
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
