package dev.moravec.taxonomy.sources;

import java.util.List;

/**
 * An O*NET-SOC occupation and what the imported files say about it.
 *
 * @param code the O*NET-SOC code, such as {@code 15-1252.00}
 * @param title its title
 * @param description its description, or {@code null}
 * @param jobZone its job zone (1-5), or {@code null}
 * @param alternateTitles other titles people use for it
 * @param employment national employment, where an employment file was imported, else {@code null}
 * @param descriptors skills, knowledge and other descriptors, where imported
 * @param tools tools and equipment used
 * @param technologies technology skills (software)
 * @param emergingTasks task statements O*NET marks as emerging (new or revised), not yet rated
 * @param annualWage the national mean annual wage of its SOC code, where a wage file was imported (see
 *     docs/classifications.md for suppressed values), else {@code null}
 */
public record Occupation(String code, String title, String description, Integer jobZone, List<String> alternateTitles,
        Double employment, List<Descriptor> descriptors, List<String> tools, List<String> technologies,
        List<String> emergingTasks, Double annualWage) {

    /** Copies the lists. */
    public Occupation {
        alternateTitles = List.copyOf(alternateTitles);
        descriptors = List.copyOf(descriptors);
        tools = List.copyOf(tools);
        technologies = List.copyOf(technologies);
        emergingTasks = List.copyOf(emergingTasks);
    }

    /**
     * An occupation without a wage figure.
     *
     * @param code the O*NET-SOC code
     * @param title its title
     * @param description its description, or {@code null}
     * @param jobZone its job zone, or {@code null}
     * @param alternateTitles other titles
     * @param employment national employment, or {@code null}
     * @param descriptors descriptors
     * @param tools tools
     * @param technologies technology skills
     * @param emergingTasks emerging tasks
     */
    public Occupation(String code, String title, String description, Integer jobZone, List<String> alternateTitles,
            Double employment, List<Descriptor> descriptors, List<String> tools, List<String> technologies,
            List<String> emergingTasks) {
        this(code, title, description, jobZone, alternateTitles, employment, descriptors, tools, technologies,
                emergingTasks, null);
    }

    /**
     * An occupation known by code and title only.
     *
     * @param code the O*NET-SOC code
     * @param title the title
     * @return the occupation
     */
    public static Occupation of(String code, String title) {
        return new Occupation(code, title, null, null, List.of(), null, List.of(), List.of(), List.of(), List.of());
    }
}
