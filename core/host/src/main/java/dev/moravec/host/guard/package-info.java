/**
 * What plugin code calls instead of ending the process: the host rewrites every call to
 * {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} in a plugin's classes into a call to
 * {@link dev.moravec.host.guard.ExitGuard}, which refuses it with a
 * {@link dev.moravec.host.guard.ProcessExitDenied}. The host exports this package to plugin bundles
 * for the rewritten classes alone; no plugin is meant to use it in its source.
 */
package dev.moravec.host.guard;
