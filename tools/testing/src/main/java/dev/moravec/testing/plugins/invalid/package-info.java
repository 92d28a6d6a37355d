/**
 * A test plugin whose scorer declares an invalid id.
 */
package dev.moravec.testing.plugins.invalid;
