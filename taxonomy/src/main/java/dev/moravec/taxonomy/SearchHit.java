package dev.moravec.taxonomy;

import dev.moravec.engine.Quadrant;
import java.util.OptionalDouble;

/**
 * One search result: a task, or an occupation when occupations were searched.
 *
 * @param kind {@code task} or {@code occupation}
 * @param code the occupation's O*NET-SOC code
 * @param title the occupation's title
 * @param taskId the task's id, or {@code null} for an occupation
 * @param statement the task statement, or {@code null} for an occupation
 * @param transferability T, empty until classified
 * @param verificationCost V
 * @param score S
 * @param quadrant the task's quadrant, or {@code null} until classified (and for occupations)
 * @param highlight the matched text with the matches marked, or {@code null} when none could be marked
 * @param relevance Lucene's score of the match
 */
public record SearchHit(String kind, String code, String title, String taskId, String statement,
        OptionalDouble transferability, OptionalDouble verificationCost, OptionalDouble score, Quadrant quadrant,
        String highlight, float relevance) {}
