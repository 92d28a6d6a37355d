package dev.moravec.taxonomy.sources.internal;

import dev.moravec.model.BadInputException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The files of an O*NET text release, given as its folder or its zip (with or without a top folder). */
public final class ReleaseFiles implements Closeable {

    private final String source;
    private final Path dir;
    private final ZipFile zip;
    private final Map<String, ZipEntry> entries = new HashMap<>();

    private ReleaseFiles(String source, Path dir, ZipFile zip) {
        this.source = source;
        this.dir = dir;
        this.zip = zip;
        if (zip != null) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    String name = entry.getName();
                    entries.putIfAbsent(name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT), entry);
                }
            }
        }
    }

    /**
     * Opens a release.
     *
     * @param source its folder or zip
     * @return the files
     * @throws BadInputException if the source is neither
     * @throws IOException if the zip cannot be read
     */
    public static ReleaseFiles open(Path source) throws BadInputException, IOException {
        if (Files.isDirectory(source)) {
            return new ReleaseFiles(source.toString(), source, null);
        }
        if (!Files.exists(source)) {
            throw new BadInputException(source + " does not exist: give the folder or the zip of an O*NET text release");
        }
        try {
            return new ReleaseFiles(source.toString(), null, new ZipFile(source.toFile()));
        } catch (java.util.zip.ZipException e) {
            throw new BadInputException(source + " is neither a folder nor a zip file: give the folder or the zip of"
                    + " an O*NET text release (db_29_1_text)");
        }
    }

    /** @return the release's location */
    public String source() {
        return source;
    }

    /**
     * Opens one file of the release by its name, such as {@code Task Statements.txt}.
     *
     * @param fileName the name
     * @return its bytes, or empty when the release lacks it
     * @throws IOException if it cannot be opened
     */
    public Optional<InputStream> open(String fileName) throws IOException {
        if (zip != null) {
            ZipEntry entry = entries.get(fileName.toLowerCase(Locale.ROOT));
            return entry == null ? Optional.empty() : Optional.of(zip.getInputStream(entry));
        }
        Path file = dir.resolve(fileName);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    /**
     * Opens one table of the release. A required file that is missing is an error; an optional one is
     * recorded as skipped, with what the import does without it.
     *
     * @param fileName the file, such as {@code Job Zones.txt}
     * @param required the columns it must have
     * @param whyOptional what its absence means, or {@code null} when the release must have it
     * @param log told that the file is read, or skipped
     * @return the table, or empty when an optional file is missing
     * @throws IOException if it cannot be opened
     * @throws BadInputException if a required file is missing or the header lacks a required column
     */
    public Optional<Table> table(String fileName, List<String> required, String whyOptional, ReadLog log)
            throws IOException, BadInputException {
        Optional<InputStream> in = open(fileName);
        if (in.isEmpty()) {
            if (whyOptional == null) {
                throw new BadInputException(fileName + " is missing from " + source
                        + ": give the folder or zip of an O*NET text release (such as db_29_1_text)");
            }
            log.skipped(fileName + ": not in the release (" + whyOptional + ")");
            return Optional.empty();
        }
        log.reading(fileName);
        return Optional.of(Table.open(fileName, in.get(), '\t', required));
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
        }
    }
}
