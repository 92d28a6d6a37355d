package dev.moravec.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.index.TaxonomyIndex;
import dev.moravec.taxonomy.sources.ImportReport;
import dev.moravec.taxonomy.sources.StarterCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Opens the taxonomy index of a data folder for the commands and the server that use it. */
public final class Taxonomies {

    private Taxonomies() {}

    /**
     * The taxonomy index of the data folder, if anything was imported (or the starter catalog indexed),
     * for work that only reads it when it is there.
     *
     * @param dataDir the data folder
     * @param mapper the JSON mapper
     * @return the index, or {@code null} when the data folder holds none; the caller closes it
     * @throws IOException if the index cannot be read
     * @throws BadInputException if the index is of another schema version
     */
    public static TaxonomyIndex openIfPresent(Path dataDir, ObjectMapper mapper) throws IOException, BadInputException {
        Path path = dataDir.resolve("index");
        if (!Files.isDirectory(path)) {
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
     * @param dataDir the data folder
     * @param mapper the JSON mapper
     * @param notice told, in one line, when the starter catalog is indexed
     * @return the index; the caller closes it
     * @throws IOException if the index cannot be read or written
     * @throws BadInputException if the index is of another schema version or locked
     */
    public static TaxonomyIndex open(Path dataDir, ObjectMapper mapper, Consumer<String> notice)
            throws IOException, BadInputException {
        Path path = dataDir.resolve("index");
        TaxonomyIndex index = TaxonomyIndex.open(path, mapper);
        boolean success = false;
        try {
            if (!index.exists()) {
                ImportReport report = StarterCatalog.release().report();
                notice.accept("no taxonomy imported yet; indexing the built-in starter catalog (" + report.occupations()
                        + " occupations, " + report.tasks() + " tasks) in " + path
                        + ". Import O*NET with: moravec taxonomy import SOURCE");
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
