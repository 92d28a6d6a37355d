package dev.moravec.evaluation;

import dev.moravec.taxonomy.sources.SocMajorGroup;

/**
 * The figures of one SOC major group.
 *
 * @param group the group
 * @param tasks its matched labelled tasks
 * @param aucScore task-level ROC AUC of S, on its rated tasks
 * @param occupations its occupations with labels
 * @param spearman occupation-level Spearman correlation; undefined when fewer than
 *     {@value Evaluator#MIN_GROUP_OCCUPATIONS} occupations have a score
 */
public record GroupFigures(SocMajorGroup group, int tasks, Figure aucScore, int occupations, Figure spearman) {}
