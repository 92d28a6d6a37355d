/**
 * A test plugin built in two versions, to test which one rates.
 */
package dev.moravec.testing.plugins.versioned;
