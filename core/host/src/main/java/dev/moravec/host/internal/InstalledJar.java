package dev.moravec.host.internal;

import dev.moravec.host.PluginState;
import dev.moravec.host.PluginTrust;
import org.osgi.framework.Bundle;

/**
 * A plugin jar whose bundle is installed, and how it went.
 *
 * @param bundle the bundle installed from exactly the bytes that were verified
 * @param sha256 the SHA-256 of those bytes
 * @param trust how the jar was verified; {@code null} for a jar only tried
 * @param failed why the bundle does not run, when it failed to resolve or to start; else {@code null}
 * @param failure what went wrong, with {@code failed}; else {@code null}
 */
public record InstalledJar(Bundle bundle, String sha256, PluginTrust.Decision trust, PluginState failed, String failure) {

    /**
     * @param state why the bundle does not run
     * @param problem what went wrong
     * @return this jar, failed
     */
    public InstalledJar withFailure(PluginState state, String problem) {
        return new InstalledJar(bundle, sha256, trust, state, problem);
    }
}
