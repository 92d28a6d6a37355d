/**
 * A hostile test plugin whose scorer spins on some tasks, ignoring interrupts, until its bundle stops.
 */
package dev.moravec.testing.plugins.spinning;
