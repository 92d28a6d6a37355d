/**
 * A hostile test plugin whose scorer fills the heap on some tasks until the JVM runs out of memory.
 */
package dev.moravec.testing.plugins.hog;
