package dev.moravec.taxonomy.sources;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an import read: counts, the files used and the files skipped with the reason.
 *
 * @param source the release imported
 * @param occupations occupations imported
 * @param tasks tasks imported
 * @param activityLinks task-to-DWA links
 * @param alternateTitles alternate titles
 * @param ratedTasks tasks with importance and relevance
 * @param occupationsWithEmployment occupations with an employment figure
 * @param used each file used and what it gave
 * @param skipped each file skipped and why
 * @param release the O*NET release the content is, as its Read Me names it, such as {@code O*NET 29.1
 *     Database}; when not given (an index imported before releases were recorded, a release without
 *     its Read Me), taken from the source's name when that is O*NET's, such as {@code db_29_1_text};
 *     {@code null} for the starter catalog or when unknown
 */
public record ImportReport(String source, int occupations, int tasks, int activityLinks, int alternateTitles,
        int ratedTasks, int occupationsWithEmployment, List<String> used, List<String> skipped, String release) {

    /** What follows the name of the O*NET content's release in its attribution. */
    static final String BY_USDOL = " by the U.S. Department of Labor, Employment and Training Administration"
            + " (USDOL/ETA). Used under the CC BY 4.0 license.";
    private static final Pattern RELEASE_NAME = Pattern.compile("db_(\\d+)_(\\d+)_text(\\.zip)?");

    /** Copies the lists and, when the release is not given, names it from the source's name. */
    public ImportReport {
        used = List.copyOf(used);
        skipped = List.copyOf(skipped);
        if (release == null && source != null) {
            String name = source.replace('\\', '/');
            Matcher matcher = RELEASE_NAME.matcher(name.substring(name.lastIndexOf('/') + 1));
            if (matcher.matches()) {
                release = "O*NET " + matcher.group(1) + "." + matcher.group(2) + " Database";
            }
        }
    }

    /**
     * The attribution the content needs wherever it is shown: the O*NET release's, naming the release,
     * or the starter catalog's own ({@link StarterCatalog#ATTRIBUTION}).
     *
     * @return the attribution, ending with the CC BY 4.0 licence
     */
    public String attribution() {
        if (release != null) {
            return release + BY_USDOL;
        }
        return StarterCatalog.SOURCE.equals(source) ? StarterCatalog.ATTRIBUTION : "O*NET Database" + BY_USDOL;
    }
}
