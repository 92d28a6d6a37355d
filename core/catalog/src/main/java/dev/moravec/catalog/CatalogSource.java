package dev.moravec.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Where a catalog's bytes come from: a file, standard input, or a resource such as the built-in
 * starter catalog.
 *
 * @param name the name messages, outputs and format recognition use (a file's name, {@code -})
 * @param opener opens the bytes; called once per read
 * @param size the number of bytes, when known, for progress reports
 */
public record CatalogSource(String name, Opener opener, OptionalLong size) {

    /** Opens a source's bytes. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return the bytes; the caller closes them
         * @throws IOException if they cannot be opened
         */
        InputStream open() throws IOException;
    }

    /**
     * A file, or standard input for {@code -}.
     *
     * @param location a path, or {@code -}
     * @param stdin what {@code -} reads
     * @return the source
     */
    public static CatalogSource of(String location, InputStream stdin) {
        if (location.equals("-")) {
            return new CatalogSource("-", () -> stdin, OptionalLong.empty());
        }
        Path path = Path.of(location);
        OptionalLong size;
        try {
            size = OptionalLong.of(Files.size(path));
        } catch (IOException e) {
            size = OptionalLong.empty();
        }
        Path fileName = path.getFileName();
        return new CatalogSource(fileName == null ? location : fileName.toString(), () -> {
            if (Files.isDirectory(path)) {
                throw new FileSystemException(location, null, "is a folder, not a catalog file: give the files in it");
            }
            try {
                return Files.newInputStream(path);
            } catch (NoSuchFileException e) {
                throw new NoSuchFileException(location, null, "does not exist");
            }
        }, size);
    }
}
