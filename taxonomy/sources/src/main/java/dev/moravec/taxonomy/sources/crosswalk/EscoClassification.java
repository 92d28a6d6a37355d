package dev.moravec.taxonomy.sources.crosswalk;

import java.util.List;

/**
 * The ESCO classification as read from its CSV download: its occupations with their labels, and the
 * ISCO-08 groups it files them under.
 *
 * @param version the release, such as {@code ESCO v1.2.1}, from the folder's name; else {@code ESCO}
 * @param occupations the occupations, one per concept URI, in code order
 * @param groups the ISCO-08 groups at every level, in code order
 * @param report what was read, one line per file, and what was left out with the reason
 */
public record EscoClassification(String version, List<Occupation> occupations, List<Group> groups, List<String> report) {

    /** The attribution ESCO's reuse requires wherever its content is shown. */
    public static final String ATTRIBUTION = "This publication uses the ESCO classification of the European Commission.";

    /** Copies the lists. */
    public EscoClassification {
        occupations = List.copyOf(occupations);
        groups = List.copyOf(groups);
        report = List.copyOf(report);
    }

    /**
     * An ESCO occupation.
     *
     * @param uri its concept URI, such as {@code http://data.europa.eu/esco/occupation/...}
     * @param code its code, such as {@code 2511.4}: mostly its ISCO-08 unit group, then its place below it (a few keep
     *     the code of a group they left)
     * @param iscoGroup the ISCO-08 unit group it is filed under, such as {@code 2511}
     * @param label its preferred label
     * @param alternativeLabels its alternative and hidden labels, the names people search it by
     * @param description its description, or {@code null}
     */
    public record Occupation(String uri, String code, String iscoGroup, String label, List<String> alternativeLabels,
            String description) {

        /** Copies the list. */
        public Occupation {
            alternativeLabels = List.copyOf(alternativeLabels);
        }
    }

    /**
     * An ISCO-08 group as ESCO publishes it.
     *
     * @param code its code of 1 to 4 digits, leading zeros kept, such as {@code 0110}
     * @param label its preferred label
     * @param alternativeLabels its alternative labels
     * @param description its description, or {@code null}
     */
    public record Group(String code, String label, List<String> alternativeLabels, String description) {

        /** Copies the list. */
        public Group {
            alternativeLabels = List.copyOf(alternativeLabels);
        }
    }
}
