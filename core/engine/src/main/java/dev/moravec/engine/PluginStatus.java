package dev.moravec.engine;

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
 * @param trust how the jar was verified, or why it was refused
 */
public record PluginStatus(Path file, String bundle, PluginState state, List<ScorerHandle> scorers, String problem,
        String sha256, String trust) {

    /** Copies the scorer list. */
    public PluginStatus {
        scorers = List.copyOf(scorers);
    }
}
