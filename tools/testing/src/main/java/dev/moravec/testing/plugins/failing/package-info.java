/**
 * A test plugin whose scorer fails to activate.
 */
package dev.moravec.testing.plugins.failing;
