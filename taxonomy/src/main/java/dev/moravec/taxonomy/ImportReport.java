package dev.moravec.taxonomy;

import java.util.List;

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
 */
public record ImportReport(String source, int occupations, int tasks, int activityLinks, int alternateTitles,
        int ratedTasks, int occupationsWithEmployment, List<String> used, List<String> skipped) {

    /** Copies the lists. */
    public ImportReport {
        used = List.copyOf(used);
        skipped = List.copyOf(skipped);
    }
}
