package dev.moravec.spark.internal;

import dev.moravec.model.BadInputException;
import dev.moravec.taxonomy.sources.OccupationEmployment;
import dev.moravec.taxonomy.sources.SocHierarchy;
import dev.moravec.taxonomy.sources.SocLevel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Where each occupation code of a catalog sits in the SOC hierarchy, on the driver (a catalog names a few
 * thousand occupations at most): the O*NET-SOC occupation it stands for, its group at every level, its
 * occupation's employment where an employment file is given, and the groups' titles (SOC's major and
 * minor groups, and the employment file's).
 */
final class OccupationGroups {

    /** The levels from the occupation up, as the rankings name them. */
    static final List<SocLevel> LEVELS = List.of(SocLevel.OCCUPATION, SocLevel.DETAILED, SocLevel.BROAD,
            SocLevel.MINOR, SocLevel.MAJOR);

    private final SocHierarchy hierarchy;
    private final Map<String, Double> employment;

    private OccupationGroups(SocHierarchy hierarchy, Map<String, Double> employment) {
        this.hierarchy = hierarchy;
        this.employment = employment;
    }

    /**
     * @param codes the occupation codes the catalog's records give
     * @param employmentFile a BLS OEWS national file, or {@code null} to weight families equally
     * @return the lookup
     * @throws BadInputException if the employment file is wrong
     * @throws IOException if it cannot be read
     */
    static OccupationGroups of(Collection<String> codes, Path employmentFile) throws BadInputException, IOException {
        SocHierarchy hierarchy = SocHierarchy.builtIn();
        if (employmentFile == null) {
            return new OccupationGroups(hierarchy, Map.of());
        }
        TreeSet<String> occupations = new TreeSet<>();
        for (String code : codes) {
            occupations.add(hierarchy.groupOf(code, SocLevel.OCCUPATION));
        }
        OccupationEmployment read = OccupationEmployment.read(employmentFile, occupations, hierarchy);
        return new OccupationGroups(hierarchy.withTitles(read.titles()), read.byOccupation());
    }

    /**
     * @param code an occupation code of the catalog, or an occupation's
     * @param level a level
     * @return the code's group at that level (the O*NET-SOC occupation at {@link SocLevel#OCCUPATION})
     */
    String groupOf(String code, SocLevel level) {
        return hierarchy.groupOf(code, level);
    }

    /**
     * @param occupation an O*NET-SOC occupation code
     * @return its employment, or {@code null} when no employment file gives it
     */
    Double employment(String occupation) {
        return employment.get(occupation);
    }

    /**
     * @param code a group's code
     * @return its title, or {@code null} when SOC and the employment file give none
     */
    String title(String code) {
        return hierarchy.title(code).orElse(null);
    }
}
