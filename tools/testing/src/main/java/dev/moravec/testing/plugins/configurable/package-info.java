/**
 * A test plugin whose scorer has settings with a metatype.
 */
package dev.moravec.testing.plugins.configurable;
