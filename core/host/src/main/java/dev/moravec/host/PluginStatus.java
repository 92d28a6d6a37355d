package dev.moravec.host;

import dev.moravec.scoring.ScorerHandle;

import java.nio.file.Path;
import java.util.List;

/**
 * One jar in the plugins folder and what became of it.
 *
 * @param file the jar
 * @param bundle the bundle's symbolic name and version, or {@code null} if it could not be installed
 * @param state what became of it
 * @param scorers the scorers it registered, in id order
 * @param problem what went wrong, for any state but {@link PluginState#ACTIVE}; else {@code null}
 * @param sha256 the SHA-256 of the jar as the host read it, or {@code null} if it could not be read
 * @param trust how the jar was verified, or why it was refused; {@code null} where no trust was asked
 *     (the file could not be read, or the jar was only tried with {@link PluginHost#tryPlugin})
 */
public record PluginStatus(Path file, String bundle, PluginState state, List<ScorerHandle> scorers, String problem,
        String sha256, PluginTrust.Decision trust) {

    /** Copies the scorer list. */
    public PluginStatus {
        scorers = List.copyOf(scorers);
    }

    /**
     * Whether the jar's trust was decided, and was of this kind.
     *
     * @param kind the kind, such as {@link PluginTrust.Kind#SHIPPED}
     * @return true if {@link #trust()} is a decision of that kind
     */
    public boolean verifiedAs(PluginTrust.Kind kind) {
        return trust != null && trust.kind() == kind;
    }
}
