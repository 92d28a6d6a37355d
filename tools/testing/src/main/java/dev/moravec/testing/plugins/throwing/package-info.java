/**
 * A test plugin whose scorer throws on some tasks.
 */
package dev.moravec.testing.plugins.throwing;
