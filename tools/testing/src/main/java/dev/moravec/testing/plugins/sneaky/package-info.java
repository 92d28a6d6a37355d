/**
 * A hostile test plugin whose scorer ends the process through reflection, which no rewriting of its
 * classes catches: what the command line's last line of defence is for.
 */
package dev.moravec.testing.plugins.sneaky;
