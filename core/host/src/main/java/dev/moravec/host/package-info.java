/**
 * The plugin host: an embedded Apache Felix that verifies, installs and runs the scorer plugins
 * ({@link dev.moravec.host.PluginHost}), decides which jars may run ({@link dev.moravec.host.PluginTrust}),
 * and reports what became of each ({@link dev.moravec.host.PluginStatus}).
 */
package dev.moravec.host;
