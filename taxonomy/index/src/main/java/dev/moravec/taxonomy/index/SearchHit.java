package dev.moravec.taxonomy.index;

import dev.moravec.model.Scores;

/**
 * One search result: a task, or an occupation when occupations were searched.
 *
 * @param kind {@code task} or {@code occupation}
 * @param code the occupation's O*NET-SOC code
 * @param title the occupation's title
 * @param taskId the task's id, or {@code null} for an occupation
 * @param statement the task statement, or {@code null} for an occupation
 * @param scores a task's T, V, S and quadrant (no quadrant until it is classified), or an occupation's
 *     means (no quadrant)
 * @param highlight the matched text with the matches marked, or {@code null} when none could be marked
 * @param relevance Lucene's score of the match
 */
public record SearchHit(String kind, String code, String title, String taskId, String statement,
        Scores scores, String highlight, float relevance) {}
