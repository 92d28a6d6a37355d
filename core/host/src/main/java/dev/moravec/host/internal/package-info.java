/**
 * The plugin host's parts behind {@link dev.moravec.host.PluginHost}, not for use outside this module:
 * the Felix runtime, the jar installer with its trust check, the scorer tracker, and inspection.
 */
package dev.moravec.host.internal;
