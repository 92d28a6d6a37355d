package dev.moravec.engine;

import java.nio.file.Path;

/**
 * Decides whether a plugin jar may run. Plugins are code that runs with the rights of the process, so
 * the host asks before it installs a jar, both at start and when a watched folder changes.
 */
@FunctionalInterface
public interface PluginTrust {

    /**
     * Trusts every jar: for programs that embed the host on a folder they fill themselves, and for tests.
     * The command line never uses it; it verifies jars with {@link VerifiedPlugins}.
     */
    PluginTrust EVERY_JAR = (jar, sha256) -> Decision.trusted("not verified: the program that embeds Moravec trusts its plugins folder");

    /**
     * Decides about one jar.
     *
     * @param jar the jar in the plugins folder
     * @param sha256 the SHA-256 of the bytes the host read from it, in lower-case hex; the host installs
     *     exactly these bytes, so a file changed after the check is never run unchecked
     * @return the decision, with the reason either way
     */
    Decision check(Path jar, String sha256);

    /**
     * What was decided about a jar.
     *
     * @param trusted whether it may run
     * @param reason how it was verified (when trusted), or why it is refused and what to do
     */
    record Decision(boolean trusted, String reason) {

        /**
         * @param how how it was verified
         * @return a decision to run the jar
         */
        public static Decision trusted(String how) {
            return new Decision(true, how);
        }

        /**
         * @param why why not, and what to do
         * @return a decision to refuse the jar
         */
        public static Decision refused(String why) {
            return new Decision(false, why);
        }
    }
}
