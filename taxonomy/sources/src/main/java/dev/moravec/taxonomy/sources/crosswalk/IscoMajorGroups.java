package dev.moravec.taxonomy.sources.crosswalk;

import java.util.Map;

/**
 * The ten major groups of ISCO-08 (public fact, from the ILO's classification), so that they have titles
 * even when only a crosswalk, which names unit groups, is imported.
 */
public final class IscoMajorGroups {

    /** The major groups' titles by their one-digit code. */
    public static final Map<String, String> TITLES = Map.of(
            "0", "Armed forces occupations",
            "1", "Managers",
            "2", "Professionals",
            "3", "Technicians and associate professionals",
            "4", "Clerical support workers",
            "5", "Services and sales workers",
            "6", "Skilled agricultural, forestry and fishery workers",
            "7", "Craft and related trades workers",
            "8", "Plant and machine operators, and assemblers",
            "9", "Elementary occupations");

    private IscoMajorGroups() {}
}
