package dev.moravec.evaluation;

/**
 * How one scorer's own ratings, before any combination, agree with the labels, each on the tasks it
 * rated on that axis.
 *
 * @param scorer the scorer's id
 * @param version its version
 * @param rated the tasks it rated on at least one axis
 * @param aucScore ROC AUC of its own {@code T * (1 - V)}, on the tasks it rated on both axes (n 0 when none)
 * @param aucTransferability ROC AUC of its T
 * @param aucOneMinusVerificationCost ROC AUC of its 1 - V
 */
public record ScorerFigures(String scorer, String version, int rated, Figure aucScore, Figure aucTransferability,
        Figure aucOneMinusVerificationCost) {}
