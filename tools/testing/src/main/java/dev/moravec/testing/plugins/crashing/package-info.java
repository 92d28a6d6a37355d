/**
 * A test plugin that kills the JVM it runs in, once: for tests of a distributed job that must survive an
 * executor lost in the middle of its work.
 */
package dev.moravec.testing.plugins.crashing;
