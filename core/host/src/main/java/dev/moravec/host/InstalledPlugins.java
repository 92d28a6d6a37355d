package dev.moravec.host;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The user's record of installed plugins: for each plugins folder, the jars installed into it with
 * {@code moravec plugins install} (each with its SHA-256, when and what it registered) and the scorers
 * disabled there. One JSON file in the user's Moravec folder, never in a plugins folder, so that
 * whoever can write a plugins folder cannot vouch for a jar on the user's behalf. Every change is a
 * read, modify and atomic replace under a file lock, so concurrent commands do not lose each other's
 * changes; readers see the old or the new file, never half of one.
 */
public final class InstalledPlugins {

    /** The record's file name in the user's Moravec folder. */
    public static final String FILE_NAME = "installed-plugins.json";

    private final Path file;
    private final ObjectMapper mapper;

    /**
     * @param file the record file; it need not exist yet
     * @param mapper the mapper to read and write it
     */
    public InstalledPlugins(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    /** @return the record file */
    public Path file() {
        return file;
    }

    /**
     * One installed jar.
     *
     * @param sha256 the SHA-256 of the jar as installed, lower-case hex
     * @param installed when it was installed, as an ISO-8601 instant
     * @param bundle its bundle's symbolic name and version
     * @param scorers the ids of the scorers it registered when it was checked
     */
    public record Jar(@JsonProperty("sha256") String sha256, @JsonProperty("installed") String installed,
            @JsonProperty("bundle") String bundle, @JsonProperty("scorers") List<String> scorers) {

        /** Copies the list. */
        public Jar {
            scorers = scorers == null ? List.of() : List.copyOf(scorers);
        }
    }

    /** What the record says about one plugins folder. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private record Folder(@JsonProperty("jars") TreeMap<String, Jar> jars,
            @JsonProperty("disabled") TreeSet<String> disabled) {
        Folder {
            jars = jars == null ? new TreeMap<>() : jars;
            disabled = disabled == null ? new TreeSet<>() : disabled;
        }
    }

    private record Contents(@JsonProperty("folders") TreeMap<String, Folder> folders) {
        Contents {
            folders = folders == null ? new TreeMap<>() : folders;
        }
    }

    /**
     * The jar installed under a name in a folder.
     *
     * @param folder the plugins folder
     * @param name the jar's file name
     * @return what was recorded, if it was installed
     * @throws UncheckedIOException if the record cannot be read
     */
    public Optional<Jar> jar(Path folder, String name) {
        return Optional.ofNullable(read().folders().get(key(folder))).map(f -> f.jars().get(name));
    }

    /**
     * Every jar recorded for a folder.
     *
     * @param folder the plugins folder
     * @return the jars by file name
     */
    public Map<String, Jar> jars(Path folder) {
        Folder f = read().folders().get(key(folder));
        return f == null ? Map.of() : Map.copyOf(f.jars());
    }

    /**
     * The scorers disabled in a folder.
     *
     * @param folder the plugins folder
     * @return their ids
     */
    public Set<String> disabled(Path folder) {
        Folder f = read().folders().get(key(folder));
        return f == null ? Set.of() : Set.copyOf(f.disabled());
    }

    /**
     * Records a jar as installed, replacing what was recorded under its name.
     *
     * @param folder the plugins folder
     * @param name the jar's file name there
     * @param jar what to record
     * @throws IOException if the record cannot be written
     */
    public void record(Path folder, String name, Jar jar) throws IOException {
        update(folder, f -> f.jars().put(name, jar));
    }

    /**
     * Forgets a jar.
     *
     * @param folder the plugins folder
     * @param name the jar's file name
     * @throws IOException if the record cannot be written
     */
    public void forget(Path folder, String name) throws IOException {
        update(folder, f -> f.jars().remove(name));
    }

    /**
     * Disables or enables a scorer in a folder.
     *
     * @param folder the plugins folder
     * @param scorerId the scorer's id
     * @param disabled whether it is disabled
     * @throws IOException if the record cannot be written
     */
    public void setDisabled(Path folder, String scorerId, boolean disabled) throws IOException {
        update(folder, f -> {
            if (disabled) {
                f.disabled().add(scorerId);
            } else {
                f.disabled().remove(scorerId);
            }
        });
    }

    private interface Change {
        void apply(Folder folder);
    }

    private void update(Path folder, Change change) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path lock = parent.resolve(FILE_NAME + ".lock");
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            Contents contents = read();
            Folder f = contents.folders().computeIfAbsent(key(folder), k -> new Folder(null, null));
            change.apply(f);
            if (f.jars().isEmpty() && f.disabled().isEmpty()) {
                contents.folders().remove(key(folder));
            }
            Path temp = Files.createTempFile(parent, FILE_NAME, ".tmp");
            Files.writeString(temp, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(contents) + "\n");
            replace(temp, file);
        }
    }

    /**
     * Moves a file over another in one step where the file system can, so readers see the old file or
     * the new one, never half of one (a host watching a plugins folder, a concurrent command).
     *
     * @param source the new file, in the target's folder; gone afterwards
     * @param target the file it replaces
     * @throws IOException if the move fails
     */
    public static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(source);
        }
    }

    private Contents read() {
        try {
            Contents contents = mapper.readValue(Files.readAllBytes(file), Contents.class);
            return contents == null ? new Contents(null) : contents;
        } catch (NoSuchFileException e) {
            return new Contents(null);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(new IOException("the record of installed plugins " + file
                    + " is not valid JSON (" + e.getOriginalMessage() + "); fix it or delete it and install"
                    + " your plugins again", e));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("cannot read the record of installed plugins " + file
                    + ": " + e.getMessage(), e));
        }
    }

    /**
     * How a folder is named in the record: its absolute real path, so that two spellings of one folder
     * share one entry.
     *
     * @param folder a plugins folder
     * @return its key
     */
    static String key(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath().toString();
        } catch (IOException e) {
            return absolute.toString();
        }
    }
}
