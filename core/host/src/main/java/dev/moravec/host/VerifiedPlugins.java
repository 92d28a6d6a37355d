package dev.moravec.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command line's trust rule. A jar runs when its SHA-256 is one of these:
 * <ol>
 *   <li>the distribution's own: the jar lies in the distribution's plugins folder and matches the
 *       checksum the build wrote for it ({@code conf/shipped-plugins.sha256});</li>
 *   <li>the user's: the jar was installed into its folder with {@code moravec plugins install} and is
 *       unchanged since ({@link InstalledPlugins});</li>
 * </ol>
 * Any other jar, new or changed, is refused with the reason and the command that fixes it, unless
 * {@code --allow-unverified} asked to run it anyway. The record is read at every decision, so a
 * running server accepts a jar the moment it is installed.
 */
public final class VerifiedPlugins implements PluginTrust {

    /** The name of the distribution's checksum file, in its {@code conf/} folder. */
    public static final String SHIPPED_CHECKSUMS = "shipped-plugins.sha256";

    private final InstalledPlugins installed;
    private final String shippedFolder;
    private final Map<String, String> shipped;
    private final boolean allowUnverified;

    /**
     * @param installed the user's record
     * @param shippedFolder the distribution's plugins folder
     * @param shippedChecksums the distribution's checksum file ({@code sha256sum} layout); it may be
     *     missing, in which case nothing counts as shipped
     * @param allowUnverified whether to run unverified jars anyway
     * @throws UncheckedIOException if the checksum file exists but cannot be read
     */
    public VerifiedPlugins(InstalledPlugins installed, Path shippedFolder, Path shippedChecksums, boolean allowUnverified) {
        this.installed = installed;
        this.shippedFolder = InstalledPlugins.key(shippedFolder);
        this.shipped = readChecksums(shippedChecksums);
        this.allowUnverified = allowUnverified;
    }

    /**
     * Reads a file in the layout {@code sha256sum} writes: a hex digest, one or two spaces or a space and
     * an asterisk, and a file name, per line.
     *
     * @param file the file
     * @return digests by file name; empty if the file does not exist
     */
    static Map<String, String> readChecksums(Path file) {
        Map<String, String> sums = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.strip().split("\\s+\\*?", 2);
                if (parts.length == 2 && parts[0].matches("[0-9a-fA-F]{64}")) {
                    sums.put(parts[1].strip(), parts[0].toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(sums);
    }

    @Override
    public Decision check(Path jar, String sha256) {
        Path folder = jar.toAbsolutePath().getParent();
        String name = jar.getFileName().toString();
        String shippedSum = InstalledPlugins.key(folder).equals(shippedFolder) ? shipped.get(name) : null;
        if (sha256.equals(shippedSum)) {
            return new Decision(Kind.SHIPPED, "shipped with Moravec (SHA-256 matches conf/" + SHIPPED_CHECKSUMS + ")");
        }
        Optional<InstalledPlugins.Jar> record = installed.jar(folder, name);
        if (record.isPresent() && record.get().sha256().equals(sha256)) {
            return new Decision(Kind.INSTALLED, "installed " + record.get().installed() + " (SHA-256 matches the record)");
        }
        String problem;
        if (record.isPresent()) {
            problem = "changed since it was installed on " + record.get().installed() + " (recorded SHA-256 "
                    + abbreviate(record.get().sha256()) + ", now " + abbreviate(sha256) + ")";
        } else if (shippedSum != null) {
            problem = "changed since Moravec shipped it (SHA-256 " + abbreviate(shippedSum) + ", now "
                    + abbreviate(sha256) + ")";
        } else {
            problem = "not installed (SHA-256 " + abbreviate(sha256) + " is in no record)";
        }
        if (allowUnverified) {
            return new Decision(Kind.UNVERIFIED, "unverified, run because of --allow-unverified: " + problem);
        }
        return Decision.refused(problem + "; if you trust this jar, run 'moravec plugins install " + jar
                + "' (or pass --allow-unverified to run it once)");
    }

    private static String abbreviate(String sha256) {
        return sha256.substring(0, 12) + "...";
    }
}
