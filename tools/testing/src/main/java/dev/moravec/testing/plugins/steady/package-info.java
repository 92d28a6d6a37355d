/**
 * A test plugin whose scorer rates every task the same.
 */
package dev.moravec.testing.plugins.steady;
