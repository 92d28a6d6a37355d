/**
 * A test plugin whose scorer waits for a service nobody offers, so it never starts.
 */
package dev.moravec.testing.plugins.waiting;
