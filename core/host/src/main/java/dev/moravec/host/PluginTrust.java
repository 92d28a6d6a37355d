package dev.moravec.host;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

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
    PluginTrust EVERY_JAR = (jar, sha256) -> new Decision(Kind.UNCHECKED,
            "not verified: the program that embeds Moravec trusts its plugins folder");

    /**
     * Decides about one jar.
     *
     * @param jar the jar in the plugins folder
     * @param sha256 the SHA-256 of the bytes the host read from it, in lower-case hex; the host installs
     *     exactly these bytes, so a file changed after the check is never run unchecked
     * @return the decision, with the reason either way
     */
    Decision check(Path jar, String sha256);

    /** How a jar came to be trusted, or that it was not: what callers decide on, never the reason's wording. */
    enum Kind {
        /** The distribution's own jar, unchanged since the build recorded its checksum. */
        SHIPPED,
        /** Installed by the user with {@code moravec plugins install} and unchanged since. */
        INSTALLED,
        /** Neither shipped nor installed (or changed since), run anyway because the user asked to. */
        UNVERIFIED,
        /** Not checked at all: the program that embeds the host trusts its whole folder ({@link #EVERY_JAR}). */
        UNCHECKED,
        /** Not verified, so not run. */
        REFUSED;

        /**
         * The kind as the command line shows it.
         *
         * @return one lower-case word, such as {@code installed}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What was decided about a jar.
     *
     * @param kind how it was verified, or {@link Kind#REFUSED}
     * @param reason how it was verified (when trusted), or why it is refused and what to do, for people
     */
    record Decision(Kind kind, String reason) {

        /** Checks that both parts are there. */
        public Decision {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }

        /**
         * @param why why not, and what to do
         * @return a decision to refuse the jar
         */
        public static Decision refused(String why) {
            return new Decision(Kind.REFUSED, why);
        }

        /** @return whether the jar may run */
        public boolean trusted() {
            return kind != Kind.REFUSED;
        }
    }
}
