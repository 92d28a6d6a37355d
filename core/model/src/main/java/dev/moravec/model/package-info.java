/**
 * What scoring produces and what configures it, as plain Java values: verdicts and their scores,
 * quadrants, thresholds, scorer outcomes, occupation scores, the engine configuration, occupation
 * codes.
 */
package dev.moravec.model;
