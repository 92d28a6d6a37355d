/**
 * The scoring engine: rates tasks with every active scorer, each call isolated (time limit, failures
 * as a status, quarantine), and combines the ratings into verdicts.
 */
package dev.moravec.scoring;
