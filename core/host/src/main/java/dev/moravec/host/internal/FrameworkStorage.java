package dev.moravec.host.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OSGi framework's cache folder of one process: a temporary folder named after the process id,
 * deleted when the host stops. A process that never stops cleanly (killed with SIGKILL, a crash) leaves
 * its folder behind, some megabytes each, so every new host first deletes the folders of processes
 * that are no longer alive. A folder whose process still runs, or whose name carries no process id, is
 * left alone.
 */
public final class FrameworkStorage {

    private static final Logger LOG = LoggerFactory.getLogger(FrameworkStorage.class);

    /** The prefix of every cache folder; the process id and a random part follow. */
    static final String PREFIX = "moravec-felix-";

    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "pid(\\d+)-.*");

    private FrameworkStorage() {}

    /**
     * Deletes the cache folders that dead processes left in a folder, then creates this process's.
     *
     * @param parent the folder, usually {@code java.io.tmpdir}
     * @return the new, empty cache folder
     * @throws IOException if the folder cannot be created
     */
    public static Path create(Path parent) throws IOException {
        deleteLeftovers(parent);
        return Files.createTempDirectory(parent, PREFIX + "pid" + ProcessHandle.current().pid() + "-");
    }

    /**
     * Deletes the cache folders in a folder whose process is no longer alive.
     *
     * @param parent the folder
     * @return how many were deleted
     */
    static int deleteLeftovers(Path parent) {
        int deleted = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(parent, PREFIX + "pid*")) {
            for (Path folder : folders) {
                Matcher matcher = NAME.matcher(folder.getFileName().toString());
                if (matcher.matches() && !alive(matcher.group(1))) {
                    delete(folder);
                    deleted++;
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not look for leftover framework caches in {}: {}", parent, e.toString());
        }
        return deleted;
    }

    private static boolean alive(String pid) {
        try {
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true; // not a process id this code wrote: leave the folder alone
        }
    }

    /**
     * Deletes a folder and everything in it, as far as it can; what it cannot delete stays.
     *
     * @param folder the folder
     */
    public static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not delete {}: {}", folder, e.toString());
        }
    }
}
