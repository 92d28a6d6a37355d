package dev.moravec.evaluation;

/**
 * One figure of a report with the number of units it was computed on.
 *
 * @param estimate the figure and its interval
 * @param n the tasks or occupations it was computed on
 */
public record Figure(Estimate estimate, int n) {}
