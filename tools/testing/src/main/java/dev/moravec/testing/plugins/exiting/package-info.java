/**
 * A hostile test plugin whose scorer tries to end the process from its rating and from a thread it starts.
 */
package dev.moravec.testing.plugins.exiting;
