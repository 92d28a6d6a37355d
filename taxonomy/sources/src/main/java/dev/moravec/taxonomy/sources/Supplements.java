package dev.moravec.taxonomy.sources;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.crosswalk.Crosswalk;
import dev.moravec.taxonomy.sources.crosswalk.CrosswalkReader;
import dev.moravec.taxonomy.sources.crosswalk.EscoClassification;
import dev.moravec.taxonomy.sources.crosswalk.EscoReader;
import dev.moravec.taxonomy.sources.industry.IndustryEmployment;
import dev.moravec.taxonomy.sources.industry.IndustryEmploymentReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an import adds beside the O*NET release, each part replacing the index's part of the same kind:
 * crosswalks to other classifications (one per layout), the ESCO classification, and employment by
 * industry.
 *
 * @param crosswalks the crosswalks read, each of another layout
 * @param esco the ESCO classification, or {@code null} when none is given
 * @param industry employment by industry, or {@code null} when none is given
 */
public record Supplements(List<Crosswalk> crosswalks, EscoClassification esco, IndustryEmployment industry) {

    /** Nothing beside the release. */
    public static final Supplements NONE = new Supplements(List.of(), null, null);

    /** Copies the list. */
    public Supplements {
        crosswalks = List.copyOf(crosswalks);
    }

    /** @return whether nothing is given */
    public boolean isEmpty() {
        return crosswalks.isEmpty() && esco == null && industry == null;
    }

    /**
     * Reads the files given.
     *
     * @param crosswalks crosswalk files in official layouts, none of two of the same layout
     * @param esco the folder of ESCO's CSV download, or {@code null}
     * @param industry an OEWS industry file, or {@code null}
     * @param progress told a line per file
     * @return what they hold
     * @throws BadInputException if a file is missing or malformed, or two crosswalks have the same layout
     * @throws IOException if a file cannot be read
     */
    public static Supplements read(List<Path> crosswalks, Path esco, Path industry, Consumer<String> progress)
            throws BadInputException, IOException {
        List<Crosswalk> read = new ArrayList<>();
        for (Path file : crosswalks) {
            progress.accept("reading crosswalk " + file.getFileName());
            Crosswalk crosswalk = CrosswalkReader.read(file);
            for (Crosswalk other : read) {
                if (other.layout() == crosswalk.layout()) {
                    throw new BadInputException(file + " and " + other.file() + " are both the "
                            + crosswalk.layout().title() + ": give each crosswalk once");
                }
            }
            read.add(crosswalk);
        }
        EscoClassification classification = null;
        if (esco != null) {
            progress.accept("reading ESCO from " + esco);
            classification = EscoReader.read(esco);
        }
        IndustryEmployment sectors = null;
        if (industry != null) {
            progress.accept("reading industry employment " + industry.getFileName());
            sectors = IndustryEmploymentReader.read(industry);
        }
        return new Supplements(read, classification, sectors);
    }
}
