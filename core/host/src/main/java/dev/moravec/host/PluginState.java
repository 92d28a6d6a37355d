package dev.moravec.host;

/** What became of one jar in the plugins folder. */
public enum PluginState {
    /** The bundle started and registered at least one scorer. */
    ACTIVE,
    /** The bundle started but registered no scorer, for instance a library bundle or a plain jar. */
    NO_SCORER,
    /** The bundle's requirements (imported packages, Java version) cannot be met. */
    FAILED_TO_RESOLVE,
    /** The bundle resolved but failed when it started, or a scorer in it failed to report its identity. */
    FAILED_TO_START,
    /** The file is not a bundle Felix can install: not a jar, corrupt, or a duplicate of another. */
    INVALID,
    /** The jar is not verified: it was never installed, or it changed since; it was not run. */
    REFUSED,
    /**
     * The configuration's settings for a scorer of the bundle are wrong: a setting the scorer does not
     * declare or a value out of its range (then the bundle was not started), or the scorer failed to
     * start with the settings given (a file that cannot be read, say).
     */
    MISCONFIGURED;

    /**
     * The state as the command line shows it.
     *
     * @return lower case words, such as {@code failed to resolve}
     */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
