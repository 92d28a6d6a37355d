/**
 * The watchdog that abandons scorer calls past the time limit.
 */
package dev.moravec.scoring.internal;
