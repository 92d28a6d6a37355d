/**
 * Measures how verdicts agree with reference labels (ROC AUC, balanced accuracy, kappa, occupation
 * correlations, each with a bootstrap interval), fits scorer weights and thresholds by grouped cross-
 * validation, and trains the semantic scorer's learned layer.
 */
package dev.moravec.evaluation;
