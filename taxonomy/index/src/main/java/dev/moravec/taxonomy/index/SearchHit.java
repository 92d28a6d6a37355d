package dev.moravec.taxonomy.index;

import dev.moravec.model.Scores;

/**
 * One search result: a task, or an occupation when occupations were searched (in another classification,
 * one of its codes).
 *
 * @param kind {@code task} or {@code occupation}
 * @param code the occupation's O*NET-SOC code, or the code in the classification searched
 * @param title the occupation's title
 * @param taskId the task's id, or {@code null} for an occupation
 * @param statement the task statement, or {@code null} for an occupation
 * @param scores a task's T, V, S and quadrant (no quadrant until it is classified), or an occupation's
 *     means (no quadrant)
 * @param highlight the matched text with the matches marked, or {@code null} when none could be marked
 * @param relevance Lucene's score of the match
 * @param coverage for a code of another classification than SOC 2018, the share of its crosswalk weight that
 *     reaches scored occupations; else {@code null}
 */
public record SearchHit(String kind, String code, String title, String taskId, String statement,
        Scores scores, String highlight, float relevance, Double coverage) {

    /**
     * A hit of the taxonomy itself.
     *
     * @param kind {@code task} or {@code occupation}
     * @param code the O*NET-SOC code
     * @param title the title
     * @param taskId the task's id, or {@code null}
     * @param statement the statement, or {@code null}
     * @param scores the scores
     * @param highlight the marked match, or {@code null}
     * @param relevance the match's score
     */
    public SearchHit(String kind, String code, String title, String taskId, String statement, Scores scores,
            String highlight, float relevance) {
        this(kind, code, title, taskId, statement, scores, highlight, relevance, null);
    }
}
