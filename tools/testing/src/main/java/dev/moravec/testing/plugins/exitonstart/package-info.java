/**
 * A hostile test plugin whose scorer calls {@code System.exit} while it is activated.
 */
package dev.moravec.testing.plugins.exitonstart;
