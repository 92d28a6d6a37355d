package dev.moravec.cli;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.Supplements;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** What {@code taxonomy import} adds beside the release: crosswalks, ESCO and employment by industry. */
public final class SupplementMixin {

    @Option(names = "--crosswalk", paramLabel = "FILE",
            description = "A crosswalk in an official layout, recognised from its header (repeatable): BLS ISCO-08 <->"
                    + " 2010 SOC (either sheet), BLS 2010 SOC -> 2018 SOC, O*NET-SOC 2010 -> 2019, ESCO -> O*NET-SOC"
                    + " (docs/classifications.md).")
    List<Path> crosswalks = new ArrayList<>();

    @Option(names = "--esco", paramLabel = "DIR",
            description = "The folder of ESCO's CSV download (occupations_en.csv, ISCOGroups_en.csv): ESCO occupations"
                    + " with their labels, and the ISCO-08 groups.")
    Path esco;

    @Option(names = "--industry-employment", paramLabel = "FILE",
            description = "A BLS OEWS industry file by NAICS sector (the layout of natsector_M2024_dl.csv), for"
                    + " 'moravec rank --by industry'.")
    Path industry;

    /** @return whether any was given */
    boolean any() {
        return !crosswalks.isEmpty() || esco != null || industry != null;
    }

    /**
     * Reads the files given.
     *
     * @param progress told a line per file
     * @return what they hold
     * @throws BadInputException if a file is missing or malformed
     * @throws IOException if a file cannot be read
     */
    Supplements read(Consumer<String> progress) throws BadInputException, IOException {
        return Supplements.read(crosswalks, esco, industry, progress);
    }
}
