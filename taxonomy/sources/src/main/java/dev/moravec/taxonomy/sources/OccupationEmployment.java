package dev.moravec.taxonomy.sources;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.internal.EmploymentSplit;
import dev.moravec.taxonomy.sources.internal.OewsEmploymentReader;
import dev.moravec.taxonomy.sources.internal.ReadLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Employment by occupation from a BLS OEWS national file, shared out as {@code taxonomy import} shares it:
 * a detailed SOC code's employment equally over its occupations, a code without figures taking what its
 * broad group has left. For weighting families by employment outside the taxonomy index (the Spark job's
 * rankings), over the occupations a catalog names.
 *
 * @param byOccupation employment by O*NET-SOC code, for the occupations that got a share
 * @param titles the file's titles by SOC code, at every level it has
 */
public record OccupationEmployment(Map<String, Double> byOccupation, Map<String, String> titles) {

    /** Copies the maps. */
    public OccupationEmployment {
        byOccupation = Map.copyOf(byOccupation);
        titles = Map.copyOf(titles);
    }

    /**
     * Reads an employment file and shares it over the given occupations.
     *
     * @param file the OEWS national file (CSV)
     * @param occupationCodes the O*NET-SOC codes of the occupations to share it over
     * @param hierarchy the SOC hierarchy
     * @return the shares and the file's titles
     * @throws BadInputException if the file is missing, lacks a required column or holds a bad number
     * @throws IOException if it cannot be read
     */
    public static OccupationEmployment read(Path file, Collection<String> occupationCodes, SocHierarchy hierarchy)
            throws BadInputException, IOException {
        OewsEmploymentReader.Employment employment = OewsEmploymentReader.read(file, new ReadLog(line -> { }));
        return new OccupationEmployment(EmploymentSplit.shares(employment.byCode(), occupationCodes, hierarchy),
                employment.titles());
    }
}
